__all__ = ["public", "_exported_private"]
public = "public"
also_public = "not in __all__"
_exported_private = "private but exported"
