/* arena.c: the front end's bump allocator (see arena.h). Chunks grow
 * geometrically so a large source costs few mallocs. */
#include "arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct WfArenaChunk {
    WfArenaChunk *next;
    size_t size;
    _Alignas(16) char data[];
};

void wf_arena_init(WfArena *a) { memset(a, 0, sizeof *a); }

void wf_arena_free(WfArena *a) {
    WfArenaChunk *c = a->head;
    while (c) {
        WfArenaChunk *n = c->next;
        free(c);
        c = n;
    }
    memset(a, 0, sizeof *a);
}

void *wf_arena_alloc(WfArena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if ((size_t)(a->end - a->cur) < n) {
        size_t sz = a->total < 4096 ? 4096 : a->total;
        if (sz < n) sz = n;
        WfArenaChunk *c = malloc(sizeof *c + sz);
        if (!c) {
            fputs("weft: out of memory in the front end\n", stderr);
            abort();
        }
        c->next = a->head;
        c->size = sz;
        a->head = c;
        a->cur = c->data;
        a->end = c->data + sz;
        a->total += sz;
    }
    void *p = a->cur;
    a->cur += n;
    memset(p, 0, n);
    return p;
}

char *wf_arena_strndup(WfArena *a, const char *s, size_t n) {
    char *p = wf_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
