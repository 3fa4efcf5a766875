/* astdump.c: weft-ast, the front end's test tool. Parses a file (or stdin)
 * and prints the syntax tree as an indented outline, one node per line
 * with its position, or the SyntaxError report exactly as weft prints it
 * (exit status 1). Usage: weft-ast [-m file|single|eval] [-q] [-t N] FILE
 * (-q: parse only, print nothing on success; -t N: parse N times and
 * report the time, for speed checks). Owned by the front end. */
#include "ast.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *kind_names[] = {
    "Name", "Int", "Float", "Str", "None", "True", "False", "Ellipsis",
    "FString", "Formatted", "BinOp", "Unary", "BoolOp", "Compare", "Call",
    "Keyword", "Attr", "Subscript", "Slice", "List", "Tuple", "Set", "Dict",
    "ListComp", "SetComp", "GenExp", "DictComp", "Comprehension", "Lambda",
    "IfExp", "Starred", "DoubleStarred", "Yield", "YieldFrom",
    "Expr", "Assign", "AugAssign", "If", "While", "For", "Break", "Continue",
    "Pass", "Return", "Del", "Assert", "Global", "Nonlocal", "Try",
    "Handler", "Raise", "FunctionDef", "ClassDef", "With", "WithItem",
    "Import", "ImportFrom", "Alias", "Print",
};

static const char *op_names[] = {
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
    "neg", "pos", "~", "not", "and", "or", "<", "<=", "==", "!=", ">", ">=",
    "in", "not in", "is", "is not",
};

static void dump(const WfAst *n, int depth, const char *label);

static void indent(int depth) {
    for (int i = 0; i < depth; i++) fputs("  ", stdout);
}

static void dump_str(const char *s, size_t len) {
    putchar('\'');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\' || c == '\'') printf("\\%c", c);
        else if (c == '\n') fputs("\\n", stdout);
        else if (c == '\t') fputs("\\t", stdout);
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    putchar('\'');
}

static void dump_list(const WfAstList *l, int depth, const char *label) {
    if (l->n == 0) return;
    indent(depth);
    printf("%s:\n", label);
    for (int i = 0; i < l->n; i++) dump(l->items[i], depth + 1, NULL);
}

static void dump_params(const WfParams *p, int depth) {
    if (!p) return;
    for (int i = 0; i < p->nargs; i++) {
        indent(depth);
        printf("arg %s\n", p->args[i].name);
        if (p->args[i].default_) dump(p->args[i].default_, depth + 1, "default");
    }
    if (p->vararg) {
        indent(depth);
        printf("vararg %s\n", p->vararg);
    }
    for (int i = 0; i < p->nkwonly; i++) {
        indent(depth);
        printf("kwonly %s\n", p->kwonly[i].name);
        if (p->kwonly[i].default_) dump(p->kwonly[i].default_, depth + 1, "default");
    }
    if (p->kwarg) {
        indent(depth);
        printf("kwarg %s\n", p->kwarg);
    }
}

static void dump(const WfAst *n, int depth, const char *label) {
    indent(depth);
    if (label) printf("%s: ", label);
    if (!n) {
        puts("NULL");
        return;
    }
    if ((int)n->kind < 0 || n->kind >= WF_AST_KIND_COUNT) {
        printf("?kind %d\n", (int)n->kind);
        return;
    }
    printf("%s", kind_names[n->kind]);
    switch (n->kind) {
    case WF_E_BINOP: case WF_E_UNARY: case WF_E_BOOLOP: case WF_S_AUGASSIGN:
        printf(" %s", op_names[n->op]);
        break;
    default:
        break;
    }
    if (n->name) printf(" %s", n->name);
    if (n->asname) printf(" as %s", n->asname);
    if (n->kind == WF_E_INT) {
        if (n->big) printf(" %s", n->big);
        else printf(" %lld", (long long)n->int_);
    }
    if (n->kind == WF_E_FLOAT) printf(" %.17g", n->fval);
    if (n->kind == WF_E_STR) {
        putchar(' ');
        dump_str(n->str, n->len);
    }
    if (n->kind == WF_E_FORMATTED && n->conversion)
        printf(" !%c", n->conversion);
    if (n->kind == WF_S_IMPORTFROM) printf(" level=%d", n->level);
    if (n->kind == WF_S_PRINT && n->trailing_comma) printf(" trailing_comma");
    if (n->parenthesized) printf(" (paren)");
    for (int i = 0; i < n->nnames; i++) printf(" %s", n->names[i]);
    printf(" @%d:%d-%d:%d\n", n->line, n->col, n->end_line, n->end_col);
    if (n->kind == WF_E_COMPARE) {
        dump(n->left, depth + 1, "left");
        for (int i = 0; i < n->list.n; i++)
            dump(n->list.items[i], depth + 1, op_names[n->cmpops[i]]);
        return;
    }
    if (n->kind == WF_E_DICT) {
        for (int i = 0; i < n->list.n; i++) {
            dump(n->keys.items[i], depth + 1, n->keys.items[i] ? "key" : "key(**)");
            dump(n->list.items[i], depth + 1, "value");
        }
        return;
    }
    dump_list(&n->decorators, depth + 1, "decorators");
    if (n->params) dump_params(n->params, depth + 1);
    if (n->test) dump(n->test, depth + 1, "test");
    if (n->left) dump(n->left, depth + 1, "left");
    if (n->right) dump(n->right, depth + 1, "right");
    dump_list(&n->list, depth + 1, "list");
    dump_list(&n->keywords, depth + 1, "keywords");
    dump_list(&n->comps, depth + 1, "comps");
    dump_list(&n->body, depth + 1, "body");
    dump_list(&n->handlers, depth + 1, "handlers");
    dump_list(&n->orelse, depth + 1, "orelse");
    dump_list(&n->finalbody, depth + 1, "finalbody");
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                return NULL;
            }
            buf = b;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    WfParseMode mode = WF_PARSE_FILE;
    bool quiet = false;
    int times = 0;
    const char *path = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-m") && i + 1 < argc) {
            const char *m = argv[++i];
            mode = !strcmp(m, "eval") ? WF_PARSE_EVAL
                 : !strcmp(m, "single") ? WF_PARSE_SINGLE : WF_PARSE_FILE;
        } else if (!strcmp(argv[i], "-q")) {
            quiet = true;
        } else if (!strcmp(argv[i], "-t") && i + 1 < argc) {
            times = atoi(argv[++i]);
        } else if (!path) {
            path = argv[i];
        } else {
            fputs("usage: weft-ast [-m file|single|eval] [-q] [-t N] FILE\n", stderr);
            return 2;
        }
    }
    FILE *f = path && strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f) {
        perror(path);
        return 2;
    }
    size_t len = 0;
    char *src = read_all(f, &len);
    if (f != stdin) fclose(f);
    if (!src) return 2;
    if (times > 0) {
        struct timespec a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (int i = 0; i < times; i++) {
            WfArena arena;
            wf_arena_init(&arena);
            WfSyntaxError err;
            wf_parse(&arena, src, len, mode, &err);
            wf_arena_free(&arena);
        }
        clock_gettime(CLOCK_MONOTONIC, &b);
        double ms = ((double)(b.tv_sec - a.tv_sec) * 1e3 +
                     (double)(b.tv_nsec - a.tv_nsec) / 1e6) / times;
        printf("%.3f ms per parse\n", ms);
        free(src);
        return 0;
    }
    WfArena arena;
    wf_arena_init(&arena);
    WfSyntaxError err;
    WfModuleAst *m = wf_parse(&arena, src, len, mode, &err);
    int status = 0;
    if (!m) {
        fflush(stdout);
        wf_syntax_error_print(stderr, path ? path : "<stdin>", src, len, &err);
        if (err.incomplete) fputs("(incomplete input)\n", stderr);
        status = 1;
    } else if (!quiet) {
        for (int i = 0; i < m->body.n; i++) dump(m->body.items[i], 0, NULL);
    }
    wf_arena_free(&arena);
    free(src);
    return status;
}
