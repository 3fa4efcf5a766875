/* arena.h: bump allocator for the front end's short-lived data (tokens'
 * text, AST nodes, scope tables). Everything allocated from one arena dies
 * together with wf_arena_free, which is how a syntax error at any stage
 * releases the whole parse at once. Not thread-safe; one arena per parse. */
#ifndef WF_ARENA_H
#define WF_ARENA_H
#include <stddef.h>

typedef struct WfArenaChunk WfArenaChunk;
typedef struct WfArena {
    WfArenaChunk *head;
    char *cur, *end;
    size_t total;
} WfArena;

void wf_arena_init(WfArena *a);
void wf_arena_free(WfArena *a);
/* Returns zeroed memory aligned for any type; aborts the process only if the
 * system is out of memory (callers treat the front end as small). */
void *wf_arena_alloc(WfArena *a, size_t n);
char *wf_arena_strndup(WfArena *a, const char *s, size_t n);
#endif
