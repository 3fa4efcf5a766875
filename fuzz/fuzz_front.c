/* fuzz_front.c: libFuzzer target for the front end. Feeds arbitrary bytes
 * to wf_parse in all three modes, walks every tree it returns checking the
 * invariants the compiler relies on (known kinds, no NULL list items
 * except dict keys of `**` spreads, positions set), and prints any error
 * report to /dev/null, so the lexer, parser, builders, error analysis and
 * printer all see hostile input. Built when WEFT_FUZZ is ON; seeds in
 * fuzz/corpus/. The compiler stage can be added after wf_parse. */
#include "ast.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct Stack {
    const WfAst **items;
    size_t n, cap;
} Stack;

static void push(Stack *s, const WfAst *n) {
    if (!n) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->items = realloc(s->items, s->cap * sizeof *s->items);
        if (!s->items) abort();
    }
    s->items[s->n++] = n;
}

static void push_list(Stack *s, const WfAstList *l, int kind) {
    for (int i = 0; i < l->n; i++) {
        /* only a dict's key list may hold NULL (a ** spread) */
        if (!l->items[i] && kind != WF_E_DICT) abort();
        push(s, l->items[i]);
    }
}

static void walk(const WfModuleAst *m) {
    Stack s = {NULL, 0, 0};
    push_list(&s, &m->body, -1);
    while (s.n) {
        const WfAst *n = s.items[--s.n];
        if ((int)n->kind < 0 || n->kind >= WF_AST_KIND_COUNT) abort();
        if (n->line < 1) abort();
        if (n->kind == WF_E_DICT && n->keys.n != n->list.n) abort();
        if (n->kind == WF_E_COMPARE && n->list.n > 0 && !n->cmpops) abort();
        if ((n->kind == WF_S_FUNCDEF || n->kind == WF_E_LAMBDA) && !n->params)
            abort();
        if (n->params) {
            for (int i = 0; i < n->params->nargs; i++) {
                if (!n->params->args[i].name) abort();
                push(&s, n->params->args[i].default_);
            }
            for (int i = 0; i < n->params->nkwonly; i++) {
                if (!n->params->kwonly[i].name) abort();
                push(&s, n->params->kwonly[i].default_);
            }
        }
        for (int i = 0; i < n->nnames; i++)
            if (!n->names[i]) abort();
        push(&s, n->left);
        push(&s, n->right);
        push(&s, n->test);
        push_list(&s, &n->list, n->kind);
        push_list(&s, &n->keywords, n->kind);
        push_list(&s, &n->keys, n->kind);
        push_list(&s, &n->comps, n->kind);
        push_list(&s, &n->body, n->kind);
        push_list(&s, &n->orelse, n->kind);
        push_list(&s, &n->finalbody, n->kind);
        push_list(&s, &n->handlers, n->kind);
        push_list(&s, &n->decorators, n->kind);
    }
    free(s.items);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static FILE *sink;
    if (!sink) sink = fopen("/dev/null", "w");
    const WfParseMode modes[] = {WF_PARSE_FILE, WF_PARSE_SINGLE,
                                 WF_PARSE_EVAL};
    for (int i = 0; i < 3; i++) {
        WfArena arena;
        wf_arena_init(&arena);
        WfSyntaxError err;
        WfModuleAst *m = wf_parse(&arena, (const char *)data, size, modes[i],
                                  &err);
        if (m) {
            walk(m);
        } else if (sink) {
            if (!err.set || !err.kind) abort();
            wf_syntax_error_print(sink, "fuzz.py", (const char *)data, size,
                                  &err);
        }
        wf_arena_free(&arena);
    }
    return 0;
}
