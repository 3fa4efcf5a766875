# KeyError shows the repr of the key.
config = {"host": "localhost"}
port = config["port"]
