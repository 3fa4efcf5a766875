/* compile.c: the bytecode compiler. One Unit per code object being built
 * (module, function, lambda, comprehension); units nest like the scopes
 * that scope.c resolved. It tracks the value-stack depth of every emitted
 * instruction (the opcode table's stack effects), so each try-region in the
 * exception table knows the depth to unwind to, and the frame's stack size
 * is exact. Jumps are emitted to labels, resolved when the unit is done.
 * Exits from try/except/finally/loop blocks (return, break, continue)
 * unwind through a stack of frame blocks that emits each block's cleanup
 * inline, and split the protected regions around that cleanup. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "compile.h"
#include "func.h"
#include "scope.h"
#include "set.h"

#define NO_LABEL (-1)
/* Deepest nesting of frame blocks in one function; CPython's limit
 * (CO_MAXBLOCKS) is 20, we allow more since nothing here is fixed-size
 * per frame at run time. */
#define WF_MAX_FBLOCKS 64

typedef enum { FB_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_HANDLER, FB_FINALLY_END, FB_WITH } FBKind;

typedef struct Region {
    int start;
    int handler;           /* label */
    int depth;
} Region;

typedef struct FBlock {
    FBKind kind;
    int top, exit;         /* loops: continue and break labels */
    Region region;         /* try bodies and handler cleanups */
    WfAstList *finalbody;  /* FB_FINALLY_TRY */
    const char *name;      /* FB_HANDLER: `except E as name` */
} FBlock;

typedef struct ExcRec {
    int start, end, label, depth;
} ExcRec;

typedef struct Unit Unit;
struct Unit {
    Unit *parent;
    WfScope *scope;
    uint32_t *code;
    uint32_t *lines;
    int n, cap;
    WfValue *consts;
    int nconsts, constcap;
    WfObject **names;
    int nnames, namecap;
    ExcRec *exc;
    int nexc, exccap;
    int *labels;           /* label -> instruction index (-1 until placed) */
    int nlabels, labelcap;
    int depth, maxdepth;
    int ncaches;
    FBlock fb[WF_MAX_FBLOCKS];
    int nfb;
    int line;
    int barrier;           /* no peephole fusion across this index: a
                              label or region boundary sits here */
};

typedef struct Compiler {
    WfVM *vm;
    WfArena *arena;
    WfScopeTable *st;
    WfSyntaxError *err;
    WfObject *filename;
    WfObject *source;
    uint32_t extra_flags;
    bool failed;           /* syntax error or MemoryError */
    Unit *u;
} Compiler;

/* ---- errors ------------------------------------------------------------------- */

static void syntax_error(Compiler *c, const WfAst *n, const char *msg) {
    if (c->failed) return;
    c->failed = true;
    c->err->set = true;
    c->err->kind = "SyntaxError";
    snprintf(c->err->msg, sizeof c->err->msg, "%s", msg);
    c->err->line = n->line;
    c->err->col = n->col;
    c->err->end_col = n->end_line == n->line && n->end_col > n->col ? n->end_col : 0;
}

static void oom(Compiler *c) {
    if (!c->failed) {
        c->failed = true;
        if (!wf_err_occurred(c->vm)) wf_err_no_memory(c->vm);
    }
}

static void *grow(Compiler *c, void *p, int *cap, int need, size_t elem) {
    if (need <= *cap) return p;
    int ncap = *cap ? *cap : 16;
    while (ncap < need) ncap *= 2;
    void *q = wf_mem_realloc(c->vm, p, (size_t)ncap * elem);
    if (!q) {
        oom(c);
        return NULL;
    }
    *cap = ncap;
    return q;
}

/* ---- emission ------------------------------------------------------------------- */

static int stack_effect(int op, int arg) {
    switch (op) {
    case WF_OP_CALL_METHOD: return -arg - 1;
    case WF_OP_CALL_METHOD_KW: return -arg - 2;
    case WF_OP_CALL: return -arg;
    case WF_OP_CALL_KW: return -arg - 1;
    case WF_OP_CALL_EX: return -(arg ? 2 : 1);
    case WF_OP_BUILD_SLICE: return 1 - arg;
    case WF_OP_BUILD_TUPLE:
    case WF_OP_BUILD_LIST:
    case WF_OP_BUILD_SET:
    case WF_OP_BUILD_STRING: return 1 - arg;
    case WF_OP_BUILD_MAP: return 1 - 2 * arg;
    case WF_OP_UNPACK_SEQUENCE: return arg - 1;
    case WF_OP_UNPACK_EX: return (arg & 0xff) + (arg >> 8);
    case WF_OP_JUMP_IF_FALSE_OR_POP:
    case WF_OP_JUMP_IF_TRUE_OR_POP: return -1; /* on fall-through */
    case WF_OP_MAKE_FUNCTION:
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 8) != 0);
    case WF_OP_RAISE: return -arg;
    case WF_OP_FORMAT_VALUE: return (arg & 4) ? -1 : 0;
    case WF_OP_WITH_EXIT: return 1;
    default: return wf_op_stack[op];
    }
}

/* Superinstructions: fuse the previous instruction with this one when no
 * jump can land between them. Returns true when op was absorbed. */
static bool fuse(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (u->n == 0 || u->n <= u->barrier) return false;
    uint32_t *prev = &u->code[u->n - 1];
    int pop = WF_INSTR_OP(*prev);
    int parg = (int)WF_INSTR_ARG(*prev);
    /* A cache word (and a fused jump's target word) is a NOP, which no
     * rule below fuses with. */
    if (pop == WF_OP_LOAD_SMALL_INT) {
        int32_t k = (int32_t)((uint32_t)parg << 8) >> 8;
        /* `n - 1`, `i += 1`: a local, a small constant and the operator in
         * one instruction, when nothing jumps between them and they share
         * a line. */
        if ((op == WF_OP_BINARY_OP || op == WF_OP_INPLACE_OP) && arg != WF_BIN_TRUEDIV && arg != WF_BIN_POW &&
            k >= -1024 && k < 1024 && u->n >= 2 && u->n - 1 > u->barrier &&
            WF_INSTR_OP(u->code[u->n - 2]) == WF_OP_LOAD_FAST && WF_INSTR_ARG(u->code[u->n - 2]) < 256 &&
            u->lines[u->n - 2] == (uint32_t)u->line && u->lines[u->n - 1] == (uint32_t)u->line) {
            int local = (int)WF_INSTR_ARG(u->code[u->n - 2]);
            int inplace = op == WF_OP_INPLACE_OP ? 1 << 12 : 0;
            u->code[u->n - 2] = WF_INSTR(WF_OP_LOAD_FAST_OP_INT, local | (arg << 8) | inplace | ((k & 0x7ff) << 13));
            u->n--;
            u->depth -= 1;
            return true;
        }
        if (k >= -(1 << 19) && k < (1 << 19)) {
            int packed = ((k & 0xfffff) << 4);
            if (op == WF_OP_BINARY_OP && arg != WF_BIN_TRUEDIV && arg != WF_BIN_POW) {
                *prev = WF_INSTR(WF_OP_BINARY_OP_INT, arg | packed);
                u->lines[u->n - 1] = (uint32_t)u->line;
                u->depth -= 1;
                return true;
            }
            if (op == WF_OP_INPLACE_OP && arg != WF_BIN_TRUEDIV && arg != WF_BIN_POW) {
                *prev = WF_INSTR(WF_OP_INPLACE_OP_INT, arg | packed);
                u->lines[u->n - 1] = (uint32_t)u->line;
                u->depth -= 1;
                return true;
            }
            if (op == WF_OP_COMPARE_OP) {
                *prev = WF_INSTR(WF_OP_COMPARE_OP_INT, arg | packed);
                u->lines[u->n - 1] = (uint32_t)u->line;
                u->depth -= 1;
                return true;
            }
        }
    }
    if (op == WF_OP_POP_JUMP_IF_FALSE && pop == WF_OP_COMPARE_OP_INT && u->n >= 2 && u->n - 1 > u->barrier &&
        WF_INSTR_OP(u->code[u->n - 2]) == WF_OP_LOAD_FAST && WF_INSTR_ARG(u->code[u->n - 2]) < 256 &&
        u->lines[u->n - 2] == u->lines[u->n - 1]) {
        /* `if n < 2:` in one instruction (and its target word). */
        int32_t k = (int32_t)((uint32_t)parg << 8) >> 12;
        if (k >= -2048 && k < 2048) {
            int local = (int)WF_INSTR_ARG(u->code[u->n - 2]);
            u->code[u->n - 2] = WF_INSTR(WF_OP_LOAD_FAST_CMP_INT_JUMP, local | ((parg & 15) << 8) | ((k & 0xfff) << 12));
            u->n--;
            return false; /* emit() appends the target word */
        }
    }
    if (op == WF_OP_POP_JUMP_IF_FALSE && (pop == WF_OP_COMPARE_OP || pop == WF_OP_COMPARE_OP_INT)) {
        /* The jump target becomes a second word, resolved like a label. */
        *prev = WF_INSTR(pop == WF_OP_COMPARE_OP ? WF_OP_COMPARE_JUMP : WF_OP_COMPARE_INT_JUMP, parg);
        return false; /* emit() appends the target word */
    }
    /* The fused instruction has one line for tracebacks: only fuse a local
     * load that could be unbound within one line. */
    bool same_line = u->lines[u->n - 1] == (uint32_t)u->line;
    if (op == WF_OP_LOAD_FAST && pop == WF_OP_LOAD_FAST && parg < 4096 && arg < 4096 && same_line) {
        *prev = WF_INSTR(WF_OP_LOAD_FAST2, parg | (arg << 12));
        u->depth += 1;
        if (u->depth > u->maxdepth) u->maxdepth = u->depth;
        return true;
    }
    if (op == WF_OP_LOAD_FAST && pop == WF_OP_STORE_FAST && parg < 4096 && arg < 4096 &&
        (same_line || parg == arg)) {
        /* `r = j % 3` then `if r == 0:` */
        *prev = WF_INSTR(WF_OP_STORE_LOAD_FAST, parg | (arg << 12));
        u->depth += 1;
        if (u->depth > u->maxdepth) u->maxdepth = u->depth;
        return true;
    }
    if (op == WF_OP_RETURN_VALUE && pop == WF_OP_LOAD_FAST && same_line) {
        *prev = WF_INSTR(WF_OP_RETURN_FAST, parg);
        u->depth -= 1;
        return true;
    }
    return false;
}

static int emit(Compiler *c, int op, int arg) {
    Unit *u = c->u;
    if (c->failed) return 0;
    if (fuse(c, op, arg)) return u->n - 1;
    if (op == WF_OP_POP_JUMP_IF_FALSE && u->n > 0 &&
        (WF_INSTR_OP(u->code[u->n - 1]) == WF_OP_COMPARE_JUMP ||
         WF_INSTR_OP(u->code[u->n - 1]) == WF_OP_COMPARE_INT_JUMP ||
         WF_INSTR_OP(u->code[u->n - 1]) == WF_OP_LOAD_FAST_CMP_INT_JUMP) &&
        u->n > u->barrier) {
        /* second word of a fused compare-and-jump: the label, as a NOP */
        op = WF_OP_NOP;
        u->depth -= 1;
    }
    if (arg < 0 || arg > WF_MAX_OPERAND) {
        c->failed = true;
        wf_err_format(c->vm, &wf_exc_SystemError, "operand too large in compiled code");
        return 0;
    }
    int need = u->n + 2;
    int cap = u->cap;
    uint32_t *code = grow(c, u->code, &cap, need, sizeof *code);
    if (!code) return 0;
    u->code = code;
    int cap2 = u->cap;
    uint32_t *lines = grow(c, u->lines, &cap2, need, sizeof *lines);
    if (!lines) return 0;
    u->lines = lines;
    u->cap = cap;
    u->code[u->n] = WF_INSTR(op, arg);
    u->lines[u->n] = (uint32_t)u->line;
    int at = u->n++;
    u->depth += stack_effect(op, arg);
    if (u->depth > u->maxdepth) u->maxdepth = u->depth;
    return at;
}

/* Ops with an inline cache take a second word: the cache index. */
static void emit_cached(Compiler *c, int op, int arg) {
    emit(c, op, arg);
    if (c->failed) return;
    Unit *u = c->u;
    emit(c, WF_OP_NOP, u->ncaches++);
}

static int new_label(Compiler *c) {
    Unit *u = c->u;
    int *l = grow(c, u->labels, &u->labelcap, u->nlabels + 1, sizeof *l);
    if (!l) return 0;
    u->labels = l;
    u->labels[u->nlabels] = -1;
    return u->nlabels++;
}

static void place(Compiler *c, int label) {
    if (!c->failed) {
        c->u->labels[label] = c->u->n;
        c->u->barrier = c->u->n;
    }
}

static void emit_jump(Compiler *c, int op, int label) { emit(c, op, label); }

static int add_const(Compiler *c, WfValue v) {
    Unit *u = c->u;
    if (c->failed || WF_IS_NULL(v)) {
        oom(c);
        return 0;
    }
    for (int i = 0; i < u->nconsts; i++) {
        WfValue k = u->consts[i];
        if (k.tag != v.tag) continue;
        bool same = false;
        if (v.tag == WF_TAG_INT) same = k.u.i == v.u.i;
        else if (v.tag == WF_TAG_FLOAT) same = memcmp(&k.u.f, &v.u.f, sizeof(double)) == 0;
        else if (wf_is_exact_str(v) && wf_is_exact_str(k)) same = wf_str_equal(WF_STR(k), WF_STR(v));
        if (same) {
            wf_decref(c->vm, v);
            return i;
        }
    }
    WfValue *p = grow(c, u->consts, &u->constcap, u->nconsts + 1, sizeof *p);
    if (!p) {
        wf_decref(c->vm, v);
        return 0;
    }
    u->consts = p;
    u->consts[u->nconsts] = v;
    return u->nconsts++;
}

static int add_name(Compiler *c, const char *name) {
    Unit *u = c->u;
    WfObject *s = wf_str_intern_cstr(c->vm, name);
    if (!s) {
        oom(c);
        return 0;
    }
    for (int i = 0; i < u->nnames; i++)
        if (u->names[i] == s) return i;
    WfObject **p = grow(c, u->names, &u->namecap, u->nnames + 1, sizeof *p);
    if (!p) return 0;
    u->names = p;
    u->names[u->nnames] = s;
    return u->nnames++;
}

/* An attribute name, mangled as the names of the scope are. */
static int add_attr_name(Compiler *c, const char *name) {
    char buf[WF_MANGLE_BUF];
    return add_name(c, wf_scope_mangle(c->u->scope, name, buf));
}

static void load_const(Compiler *c, WfValue v) { emit(c, WF_OP_LOAD_CONST, add_const(c, v)); }

/* ---- regions (exception table) ---------------------------------------------------- */

static void region_open(Compiler *c, Region *r, int handler) {
    c->u->barrier = c->u->n;
    r->start = c->u->n;
    r->handler = handler;
    r->depth = c->u->depth;
}

static void region_close(Compiler *c, Region *r) {
    Unit *u = c->u;
    u->barrier = u->n;
    if (c->failed || u->n == r->start) return;
    ExcRec *p = grow(c, u->exc, &u->exccap, u->nexc + 1, sizeof *p);
    if (!p) return;
    u->exc = p;
    u->exc[u->nexc++] = (ExcRec){r->start, u->n, r->handler, r->depth};
}

static FBlock *fb_push(Compiler *c, FBKind kind, const WfAst *at) {
    Unit *u = c->u;
    if (u->nfb == WF_MAX_FBLOCKS) {
        syntax_error(c, at, "too many statically nested blocks");
        return NULL;
    }
    FBlock *f = &u->fb[u->nfb++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    return f;
}

static void fb_pop(Compiler *c) { c->u->nfb--; }

/* ---- names -------------------------------------------------------------------------- */

typedef enum { CTX_LOAD, CTX_STORE, CTX_DEL } Ctx;

static void name_op(Compiler *c, const char *name, Ctx ctx, const WfAst *at) {
    WfScope *s = c->u->scope;
    char buf[WF_MANGLE_BUF];
    name = wf_scope_mangle(s, name, buf);
    WfSymbol *sym = wf_scope_lookup(s, name);
    WfSymKind kind = sym ? sym->kind : WF_SYM_GLOBAL_IMPLICIT;
    switch (kind) {
    case WF_SYM_LOCAL:
        emit(c, ctx == CTX_LOAD ? WF_OP_LOAD_FAST : ctx == CTX_STORE ? WF_OP_STORE_FAST : WF_OP_DELETE_FAST,
             sym->slot);
        return;
    case WF_SYM_CELL:
    case WF_SYM_FREE:
        if (s->kind == WF_SCOPE_CLASS && ctx != CTX_LOAD) break;
        emit(c, ctx == CTX_LOAD ? WF_OP_LOAD_DEREF : ctx == CTX_STORE ? WF_OP_STORE_DEREF : WF_OP_DELETE_DEREF,
             sym->slot);
        return;
    case WF_SYM_GLOBAL_EXPLICIT:
        emit_cached(c, ctx == CTX_LOAD ? WF_OP_LOAD_GLOBAL : ctx == CTX_STORE ? WF_OP_STORE_GLOBAL : WF_OP_DELETE_GLOBAL,
                    add_name(c, name));
        return;
    case WF_SYM_GLOBAL_IMPLICIT:
    case WF_SYM_NAME:
        break;
    }
    if (s->kind == WF_SCOPE_CLASS) {
        emit_cached(c, ctx == CTX_LOAD ? WF_OP_LOAD_NAME : ctx == CTX_STORE ? WF_OP_STORE_NAME : WF_OP_DELETE_NAME,
                    add_name(c, name));
    } else {
        emit_cached(c, ctx == CTX_LOAD ? WF_OP_LOAD_GLOBAL : ctx == CTX_STORE ? WF_OP_STORE_GLOBAL : WF_OP_DELETE_GLOBAL,
                    add_name(c, name));
    }
    (void)at;
}

/* ---- expressions ------------------------------------------------------------------- */

static void expr(Compiler *c, WfAst *e);
static void store_target(Compiler *c, WfAst *t);
static void stmts(Compiler *c, WfAstList *l);
static void stmt(Compiler *c, WfAst *s);
static WfCode *unit_finish(Compiler *c, const char *name, const char *qualname, int firstline);
static bool unit_enter(Compiler *c, WfScope *scope, int line);

static void set_line(Compiler *c, const WfAst *n) {
    if (n->line > 0) c->u->line = n->line;
}

static bool has_starred(WfAstList *l) {
    for (int i = 0; i < l->n; i++)
        if (l->items[i]->kind == WF_E_STARRED) return true;
    return false;
}

/* Builds a list from elements that may contain *x, leaving it on the stack. */
static void build_list_starred(Compiler *c, WfAstList *l) {
    int pending = 0;
    bool built = false;
    for (int i = 0; i < l->n; i++) {
        WfAst *e = l->items[i];
        if (e->kind == WF_E_STARRED) {
            if (!built) {
                emit(c, WF_OP_BUILD_LIST, pending);
                built = true;
            } else if (pending) {
                emit(c, WF_OP_BUILD_LIST, pending);
                emit(c, WF_OP_LIST_EXTEND, 1);
            }
            pending = 0;
            expr(c, e->left);
            emit(c, WF_OP_LIST_EXTEND, 1);
        } else {
            expr(c, e);
            pending++;
        }
    }
    if (!built) {
        emit(c, WF_OP_BUILD_LIST, pending);
    } else if (pending) {
        emit(c, WF_OP_BUILD_LIST, pending);
        emit(c, WF_OP_LIST_EXTEND, 1);
    }
}

static void compare(Compiler *c, WfOp op) {
    switch (op) {
    case WF_OP_LT: emit(c, WF_OP_COMPARE_OP, WF_CMP_LT); break;
    case WF_OP_LE: emit(c, WF_OP_COMPARE_OP, WF_CMP_LE); break;
    case WF_OP_EQ: emit(c, WF_OP_COMPARE_OP, WF_CMP_EQ); break;
    case WF_OP_NE: emit(c, WF_OP_COMPARE_OP, WF_CMP_NE); break;
    case WF_OP_GT: emit(c, WF_OP_COMPARE_OP, WF_CMP_GT); break;
    case WF_OP_GE: emit(c, WF_OP_COMPARE_OP, WF_CMP_GE); break;
    case WF_OP_IN: emit(c, WF_OP_CONTAINS_OP, 0); break;
    case WF_OP_NOT_IN: emit(c, WF_OP_CONTAINS_OP, 1); break;
    case WF_OP_IS: emit(c, WF_OP_IS_OP, 0); break;
    case WF_OP_IS_NOT: emit(c, WF_OP_IS_OP, 1); break;
    default: break;
    }
}

static void compare_expr(Compiler *c, WfAst *e) {
    expr(c, e->left);
    int n = e->list.n;
    if (n == 1) {
        expr(c, e->list.items[0]);
        compare(c, e->cmpops[0]);
        return;
    }
    int cleanup = new_label(c), end = new_label(c);
    for (int i = 0; i < n - 1; i++) {
        expr(c, e->list.items[i]);
        emit(c, WF_OP_DUP_TOP, 0);
        emit(c, WF_OP_ROT_THREE, 0);
        compare(c, e->cmpops[i]);
        emit_jump(c, WF_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(c, e->list.items[n - 1]);
    compare(c, e->cmpops[n - 1]);
    emit_jump(c, WF_OP_JUMP, end);
    place(c, cleanup);
    c->u->depth += 1; /* the false result kept by the conditional jump */
    emit(c, WF_OP_ROT_TWO, 0);
    emit(c, WF_OP_POP_TOP, 0);
    place(c, end);
}

/* Conditional jump on an expression, with short-circuit and/or/not folded
 * into the jumps. */
static void jump_if(Compiler *c, WfAst *e, bool cond, int label) {
    if (e->kind == WF_E_UNARY && e->op == WF_OP_NOT) {
        jump_if(c, e->left, !cond, label);
        return;
    }
    if (e->kind == WF_E_BOOLOP) {
        bool is_and = e->op == WF_OP_AND;
        if (is_and == cond) {
            /* (a and b) true / (a or b) false: every part must agree. */
            int skip = new_label(c);
            for (int i = 0; i < e->list.n - 1; i++) jump_if(c, e->list.items[i], !cond, skip);
            jump_if(c, e->list.items[e->list.n - 1], cond, label);
            place(c, skip);
        } else {
            for (int i = 0; i < e->list.n; i++) jump_if(c, e->list.items[i], cond, label);
        }
        return;
    }
    expr(c, e);
    emit_jump(c, cond ? WF_OP_POP_JUMP_IF_TRUE : WF_OP_POP_JUMP_IF_FALSE, label);
}

static void call_expr(Compiler *c, WfAst *e) {
    WfAst *f = e->left;
    bool starred = has_starred(&e->list);
    for (int i = 0; i < e->keywords.n; i++)
        if (!e->keywords.items[i]->name) starred = true;
    int nkw = e->keywords.n;
    if (!starred && f->kind == WF_E_ATTR) {
        expr(c, f->left);
        set_line(c, e);
        emit_cached(c, WF_OP_LOAD_METHOD, add_attr_name(c, f->name));
        for (int i = 0; i < e->list.n; i++) expr(c, e->list.items[i]);
        if (nkw) {
            WfValue names = wf_tuple_new(c->vm, (size_t)nkw);
            if (WF_IS_NULL(names)) {
                oom(c);
                return;
            }
            for (int i = 0; i < nkw; i++) {
                WfAst *k = e->keywords.items[i];
                expr(c, k->left);
                WfObject *s = wf_str_intern_cstr(c->vm, k->name);
                if (!s) {
                    wf_decref(c->vm, names);
                    oom(c);
                    return;
                }
                wf_obj_incref(s);
                WF_TUPLE(names)->items[i] = WF_OBJ(s);
            }
            load_const(c, names);
            set_line(c, e);
            emit(c, WF_OP_CALL_METHOD_KW, e->list.n + nkw);
        } else {
            set_line(c, e);
            emit(c, WF_OP_CALL_METHOD, e->list.n);
        }
        return;
    }
    expr(c, f);
    if (!starred) {
        for (int i = 0; i < e->list.n; i++) expr(c, e->list.items[i]);
        if (nkw) {
            WfValue names = wf_tuple_new(c->vm, (size_t)nkw);
            if (WF_IS_NULL(names)) {
                oom(c);
                return;
            }
            for (int i = 0; i < nkw; i++) {
                WfAst *k = e->keywords.items[i];
                expr(c, k->left);
                WfObject *s = wf_str_intern_cstr(c->vm, k->name);
                if (!s) {
                    wf_decref(c->vm, names);
                    oom(c);
                    return;
                }
                wf_obj_incref(s);
                WF_TUPLE(names)->items[i] = WF_OBJ(s);
            }
            load_const(c, names);
            set_line(c, e);
            emit(c, WF_OP_CALL_KW, e->list.n + nkw);
        } else {
            set_line(c, e);
            emit(c, WF_OP_CALL, e->list.n);
        }
        return;
    }
    build_list_starred(c, &e->list);
    emit(c, WF_OP_LIST_TO_TUPLE, 0);
    if (nkw) {
        emit(c, WF_OP_BUILD_MAP, 0);
        for (int i = 0; i < nkw; i++) {
            WfAst *k = e->keywords.items[i];
            if (k->name) {
                load_const(c, wf_str_from_cstr(c->vm, k->name));
                expr(c, k->left);
                emit(c, WF_OP_BUILD_MAP, 1);
            } else {
                expr(c, k->left);
            }
            emit(c, WF_OP_DICT_MERGE, 1);
        }
        set_line(c, e);
        emit(c, WF_OP_CALL_EX, 1);
    } else {
        set_line(c, e);
        emit(c, WF_OP_CALL_EX, 0);
    }
}

static void make_closure(Compiler *c, WfCode *code, WfScope *child, int flags) {
    if (!code) return;
    if (child->nfrees) {
        for (int i = 0; i < child->nfrees; i++) {
            WfSymbol *sym = wf_scope_lookup(c->u->scope, child->frees[i]);
            if (!sym || (sym->kind != WF_SYM_CELL && sym->kind != WF_SYM_FREE)) {
                c->failed = true;
                wf_err_format(c->vm, &wf_exc_SystemError, "no cell for free variable '%s'",
                              child->frees[i]);
                wf_obj_decref(c->vm, &code->ob);
                return;
            }
            emit(c, WF_OP_LOAD_CLOSURE, sym->slot);
        }
        emit(c, WF_OP_BUILD_TUPLE, child->nfrees);
        flags |= 8;
    }
    load_const(c, WF_OBJ(code));
    emit(c, WF_OP_MAKE_FUNCTION, flags);
}

/* Pushes defaults (flag 1) and keyword-only defaults (flag 2); returns the
 * flags. */
static int push_defaults(Compiler *c, WfParams *p) {
    int flags = 0;
    if (!p) return 0;
    int nd = 0;
    for (int i = 0; i < p->nargs; i++)
        if (p->args[i].default_) {
            expr(c, p->args[i].default_);
            nd++;
        }
    if (nd) {
        emit(c, WF_OP_BUILD_TUPLE, nd);
        flags |= 1;
    }
    int nk = 0;
    for (int i = 0; i < p->nkwonly; i++)
        if (p->kwonly[i].default_) {
            load_const(c, wf_str_from_cstr(c->vm, p->kwonly[i].name));
            expr(c, p->kwonly[i].default_);
            nk++;
        }
    if (nk) {
        emit(c, WF_OP_BUILD_MAP, nk);
        flags |= 2;
    }
    return flags;
}

static void comprehension(Compiler *c, WfAst *e) {
    WfScope *child = wf_scope_of(c->st, e);
    const char *name = e->kind == WF_E_LISTCOMP   ? "<listcomp>"
                       : e->kind == WF_E_SETCOMP  ? "<setcomp>"
                       : e->kind == WF_E_DICTCOMP ? "<dictcomp>"
                                                  : "<genexpr>";
    int line = c->u->line;
    if (!unit_enter(c, child, e->line)) return;
    c->u->line = e->line;
    int nfor = e->comps.n;
    int *tops = calloc((size_t)nfor, sizeof *tops);
    int *ends = calloc((size_t)nfor, sizeof *ends);
    if (!tops || !ends) {
        free(tops);
        free(ends);
        oom(c);
        return;
    }
    if (e->kind == WF_E_LISTCOMP) emit(c, WF_OP_BUILD_LIST, 0);
    else if (e->kind == WF_E_SETCOMP) emit(c, WF_OP_BUILD_SET, 0);
    else if (e->kind == WF_E_DICTCOMP) emit(c, WF_OP_BUILD_MAP, 0);
    else emit(c, WF_OP_GEN_START, 0);
    for (int i = 0; i < nfor; i++) {
        WfAst *g = e->comps.items[i];
        if (i == 0) {
            emit(c, WF_OP_LOAD_FAST, 0);
        } else {
            expr(c, g->right);
            emit(c, WF_OP_GET_ITER, 0);
        }
        tops[i] = new_label(c);
        ends[i] = new_label(c);
        place(c, tops[i]);
        set_line(c, g);
        emit_jump(c, WF_OP_FOR_ITER, ends[i]);
        WfAst *tgt = g->left;
        store_target(c, tgt);
        for (int k = 0; k < g->list.n; k++) jump_if(c, g->list.items[k], false, tops[i]);
    }
    if (e->kind == WF_E_DICTCOMP) {
        expr(c, e->left);
        expr(c, e->right);
        emit(c, WF_OP_MAP_ADD, nfor + 1);
    } else if (e->kind == WF_E_GENEXP) {
        expr(c, e->left);
        emit(c, WF_OP_YIELD_VALUE, 0);
        emit(c, WF_OP_POP_TOP, 0);
    } else {
        expr(c, e->left);
        emit(c, e->kind == WF_E_LISTCOMP ? WF_OP_LIST_APPEND : WF_OP_SET_ADD, nfor + 1);
    }
    for (int i = nfor - 1; i >= 0; i--) {
        emit_jump(c, WF_OP_JUMP, tops[i]);
        place(c, ends[i]);
        c->u->depth -= 1; /* FOR_ITER popped the exhausted iterator */
    }
    if (e->kind == WF_E_GENEXP) emit(c, WF_OP_LOAD_NONE, 0);
    emit(c, WF_OP_RETURN_VALUE, 0);
    free(tops);
    free(ends);
    WfCode *code = unit_finish(c, name, child->qualname, e->line);
    c->u->line = line;
    make_closure(c, code, child, 0);
    expr(c, e->comps.items[0]->right);
    emit(c, WF_OP_GET_ITER, 0);
    set_line(c, e);
    emit(c, WF_OP_CALL, 1);
}

static void fstring(Compiler *c, WfAst *e) {
    int n = 0;
    for (int i = 0; i < e->list.n; i++) {
        WfAst *p = e->list.items[i];
        if (p->kind == WF_E_STR) {
            if (p->len == 0) continue;
            expr(c, p);
        } else if (p->kind == WF_E_FORMATTED) {
            expr(c, p->left);
            int conv = p->conversion == 's' ? 1 : p->conversion == 'r' ? 2 : p->conversion == 'a' ? 3 : 0;
            if (p->right) {
                if (p->right->kind == WF_E_FSTRING) fstring(c, p->right);
                else expr(c, p->right);
                conv |= 4;
            }
            emit(c, WF_OP_FORMAT_VALUE, conv);
        } else {
            expr(c, p);
            emit(c, WF_OP_FORMAT_VALUE, 0);
        }
        n++;
    }
    if (n == 0) load_const(c, wf_str_new(c->vm, "", 0));
    else if (n > 1) emit(c, WF_OP_BUILD_STRING, n);
}

/* Integer constant folding, as CPython's AST optimizer does for literal
 * arithmetic: `2 ** 20` in a set display is then a constant, which changes
 * the display's printed order. Only results that fit in int64 are folded,
 * and never an operation that would raise (division by zero, negative
 * shift). */
static bool const_int(const WfAst *e, int64_t *out, int depth) {
    if (depth > 32) return false;
    int64_t a, b;
    switch (e->kind) {
    case WF_E_INT:
        if (e->big) return false;
        *out = e->int_;
        return true;
    case WF_E_UNARY:
        if (!const_int(e->left, &a, depth + 1)) return false;
        if (e->op == WF_OP_NEG) return !__builtin_sub_overflow((int64_t)0, a, out);
        if (e->op == WF_OP_POS) return *out = a, true;
        if (e->op == WF_OP_INVERT) return *out = ~a, true;
        return false;
    case WF_E_BINOP:
        if (!const_int(e->left, &a, depth + 1) || !const_int(e->right, &b, depth + 1)) return false;
        switch (e->op) {
        case WF_OP_ADD: return !__builtin_add_overflow(a, b, out);
        case WF_OP_SUB: return !__builtin_sub_overflow(a, b, out);
        case WF_OP_MUL: return !__builtin_mul_overflow(a, b, out);
        case WF_OP_FLOORDIV:
        case WF_OP_MOD: {
            if (b == 0 || (a == INT64_MIN && b == -1)) return false;
            int64_t q = a / b, r = a % b;
            if (r != 0 && ((r < 0) != (b < 0))) {
                q--;
                r += b;
            }
            *out = e->op == WF_OP_FLOORDIV ? q : r;
            return true;
        }
        case WF_OP_POW: {
            if (b < 0 || b > 64) return false;
            int64_t r = 1;
            for (int64_t i = 0; i < b; i++)
                if (__builtin_mul_overflow(r, a, &r)) return false;
            *out = r;
            return true;
        }
        case WF_OP_LSHIFT:
            if (b < 0 || b > 62 || a < 0 || a > (INT64_MAX >> b)) return false;
            *out = a << b;
            return true;
        case WF_OP_RSHIFT:
            if (b < 0) return false;
            *out = b > 63 ? (a < 0 ? -1 : 0) : a >> b;
            return true;
        case WF_OP_BITAND: *out = a & b; return true;
        case WF_OP_BITOR: *out = a | b; return true;
        case WF_OP_BITXOR: *out = a ^ b; return true;
        default: return false;
        }
    default: return false;
    }
}

static bool is_constant(const WfAst *e) {
    switch (e->kind) {
    case WF_E_INT: case WF_E_FLOAT: case WF_E_STR: case WF_E_NONE: case WF_E_TRUE:
    case WF_E_FALSE: case WF_E_ELLIPSIS:
        return true;
    case WF_E_UNARY:
        return e->op == WF_OP_NEG && (e->left->kind == WF_E_INT || e->left->kind == WF_E_FLOAT) &&
               !e->left->big;
    case WF_E_BINOP: {
        int64_t v;
        return const_int(e, &v, 0);
    }
    default: return false;
    }
}

static bool all_constant(WfAstList *l) {
    for (int i = 0; i < l->n; i++)
        if (!is_constant(l->items[i])) return false;
    return true;
}

/* The value of a constant expression (is_constant). */
static WfValue const_value(Compiler *c, const WfAst *e) {
    switch (e->kind) {
    case WF_E_INT: return e->big ? wf_int_from_decimal(c->vm, e->big) : WF_INT(e->int_);
    case WF_E_FLOAT: return WF_FLOAT(e->fval);
    case WF_E_STR: return wf_str_new(c->vm, e->str ? e->str : "", e->len);
    case WF_E_NONE: return WF_NONE;
    case WF_E_TRUE: return WF_TRUE;
    case WF_E_FALSE: return WF_FALSE;
    case WF_E_ELLIPSIS: return WF_OBJ(&wf_ellipsis_obj);
    case WF_E_UNARY:
        if (e->left->kind == WF_E_INT) return WF_INT(-e->left->int_);
        return WF_FLOAT(-e->left->fval);
    case WF_E_BINOP: {
        int64_t v;
        return const_int(e, &v, 0) ? WF_INT(v) : WF_NULL;
    }
    default: return WF_NULL;
    }
}

static void expr(Compiler *c, WfAst *e) {
    if (c->failed || !e) return;
    int saved = c->u->line;
    switch (e->kind) {
    case WF_E_NAME:
        set_line(c, e);
        name_op(c, e->name, CTX_LOAD, e);
        break;
    case WF_E_INT:
        if (e->big) load_const(c, wf_int_from_decimal(c->vm, e->big));
        else if (e->int_ >= -(1 << 23) && e->int_ < (1 << 23))
            emit(c, WF_OP_LOAD_SMALL_INT, (int)(e->int_ & 0xffffff));
        else load_const(c, WF_INT(e->int_));
        break;
    case WF_E_FLOAT: load_const(c, WF_FLOAT(e->fval)); break;
    case WF_E_STR: load_const(c, wf_str_new(c->vm, e->str ? e->str : "", e->len)); break;
    case WF_E_NONE: emit(c, WF_OP_LOAD_NONE, 0); break;
    case WF_E_TRUE: load_const(c, WF_TRUE); break;
    case WF_E_FALSE: load_const(c, WF_FALSE); break;
    case WF_E_ELLIPSIS: load_const(c, WF_OBJ(&wf_ellipsis_obj)); break;
    case WF_E_FSTRING: fstring(c, e); break;
    case WF_E_FORMATTED: {
        WfAst tmp = *e;
        WfAst holder = {0};
        holder.kind = WF_E_FSTRING;
        WfAst *items[1] = {&tmp};
        holder.list.items = items;
        holder.list.n = 1;
        fstring(c, &holder);
        break;
    }
    case WF_E_BINOP: {
        int64_t v;
        if (const_int(e, &v, 0)) {
            if (v >= -(1 << 23) && v < (1 << 23)) emit(c, WF_OP_LOAD_SMALL_INT, (int)(v & 0xffffff));
            else load_const(c, WF_INT(v));
            break;
        }
        expr(c, e->left);
        expr(c, e->right);
        set_line(c, e);
        emit(c, WF_OP_BINARY_OP, (int)e->op);
        break;
    }
    case WF_E_UNARY:
        if (e->op == WF_OP_NEG && e->left->kind == WF_E_INT && !e->left->big) {
            int64_t v = -e->left->int_;
            if (v >= -(1 << 23) && v < (1 << 23)) emit(c, WF_OP_LOAD_SMALL_INT, (int)(v & 0xffffff));
            else load_const(c, WF_INT(v));
            break;
        }
        if (e->op == WF_OP_NEG && e->left->kind == WF_E_FLOAT) {
            load_const(c, WF_FLOAT(-e->left->fval));
            break;
        }
        expr(c, e->left);
        set_line(c, e);
        emit(c, e->op == WF_OP_NEG ? WF_OP_UNARY_NEG : e->op == WF_OP_POS ? WF_OP_UNARY_POS
                : e->op == WF_OP_INVERT ? WF_OP_UNARY_INVERT : WF_OP_UNARY_NOT, 0);
        break;
    case WF_E_BOOLOP: {
        int end = new_label(c);
        for (int i = 0; i < e->list.n - 1; i++) {
            expr(c, e->list.items[i]);
            emit_jump(c, e->op == WF_OP_AND ? WF_OP_JUMP_IF_FALSE_OR_POP : WF_OP_JUMP_IF_TRUE_OR_POP, end);
        }
        expr(c, e->list.items[e->list.n - 1]);
        place(c, end);
        break;
    }
    case WF_E_COMPARE: compare_expr(c, e); break;
    case WF_E_CALL: call_expr(c, e); break;
    case WF_E_ATTR:
        expr(c, e->left);
        set_line(c, e);
        emit_cached(c, WF_OP_LOAD_ATTR, add_attr_name(c, e->name));
        break;
    case WF_E_SUBSCRIPT:
        expr(c, e->left);
        expr(c, e->right);
        set_line(c, e);
        emit(c, WF_OP_BINARY_SUBSCR, 0);
        break;
    case WF_E_SLICE: {
        if (e->left) expr(c, e->left); else emit(c, WF_OP_LOAD_NONE, 0);
        if (e->right) expr(c, e->right); else emit(c, WF_OP_LOAD_NONE, 0);
        if (e->test) {
            expr(c, e->test);
            emit(c, WF_OP_BUILD_SLICE, 3);
        } else {
            emit(c, WF_OP_BUILD_SLICE, 2);
        }
        break;
    }
    case WF_E_LIST:
        if (has_starred(&e->list)) {
            build_list_starred(c, &e->list);
        } else {
            for (int i = 0; i < e->list.n; i++) expr(c, e->list.items[i]);
            emit(c, WF_OP_BUILD_LIST, e->list.n);
        }
        break;
    case WF_E_TUPLE:
        if (has_starred(&e->list)) {
            build_list_starred(c, &e->list);
            emit(c, WF_OP_LIST_TO_TUPLE, 0);
        } else {
            for (int i = 0; i < e->list.n; i++) expr(c, e->list.items[i]);
            emit(c, WF_OP_BUILD_TUPLE, e->list.n);
        }
        break;
    case WF_E_SET:
        if (e->list.n >= 3 && all_constant(&e->list)) {
            /* CPython folds a display of 3+ constants into a frozenset
             * constant and updates an empty set from it; the resulting
             * table order differs from adding one by one, and programs
             * print sets. */
            WfValue items[64];
            int n = e->list.n;
            if (n <= 64) {
                bool ok = true;
                for (int i = 0; i < n && ok; i++) {
                    items[i] = const_value(c, e->list.items[i]);
                    if (WF_IS_NULL(items[i])) {
                        for (int j = 0; j < i; j++) wf_decref(c->vm, items[j]);
                        ok = false;
                    }
                }
                if (ok) {
                    WfValue fs = wf_frozenset_const(c->vm, items, (size_t)n);
                    for (int i = 0; i < n; i++) wf_decref(c->vm, items[i]);
                    emit(c, WF_OP_BUILD_SET, 0);
                    load_const(c, fs);
                    emit(c, WF_OP_SET_UPDATE, 1);
                    break;
                }
                oom(c);
                break;
            }
        }
        if (has_starred(&e->list)) {
            emit(c, WF_OP_BUILD_SET, 0);
            for (int i = 0; i < e->list.n; i++) {
                WfAst *x = e->list.items[i];
                if (x->kind == WF_E_STARRED) {
                    expr(c, x->left);
                    emit(c, WF_OP_SET_UPDATE, 1);
                } else {
                    expr(c, x);
                    emit(c, WF_OP_SET_ADD, 1);
                }
            }
        } else {
            for (int i = 0; i < e->list.n; i++) expr(c, e->list.items[i]);
            emit(c, WF_OP_BUILD_SET, e->list.n);
        }
        break;
    case WF_E_DICT: {
        int pending = 0;
        bool built = false;
        for (int i = 0; i < e->keys.n; i++) {
            WfAst *k = e->keys.items[i];
            if (!k) {
                if (!built) emit(c, WF_OP_BUILD_MAP, pending);
                else if (pending) {
                    emit(c, WF_OP_BUILD_MAP, pending);
                    emit(c, WF_OP_DICT_UPDATE, 1);
                }
                built = true;
                pending = 0;
                expr(c, e->list.items[i]);
                emit(c, WF_OP_DICT_UPDATE, 1);
            } else {
                expr(c, k);
                expr(c, e->list.items[i]);
                pending++;
            }
        }
        if (!built) emit(c, WF_OP_BUILD_MAP, pending);
        else if (pending) {
            emit(c, WF_OP_BUILD_MAP, pending);
            emit(c, WF_OP_DICT_UPDATE, 1);
        }
        break;
    }
    case WF_E_LISTCOMP:
    case WF_E_SETCOMP:
    case WF_E_DICTCOMP:
    case WF_E_GENEXP: comprehension(c, e); break;
    case WF_E_LAMBDA: {
        WfScope *child = wf_scope_of(c->st, e);
        int flags = push_defaults(c, e->params);
        int line = c->u->line;
        if (!unit_enter(c, child, e->line)) return;
        c->u->line = e->line;
        if (child->generator) emit(c, WF_OP_GEN_START, 0);
        expr(c, e->left);
        emit(c, WF_OP_RETURN_VALUE, 0);
        WfCode *code = unit_finish(c, "<lambda>", child->qualname, e->line);
        c->u->line = line;
        make_closure(c, code, child, flags);
        break;
    }
    case WF_E_IFEXP: {
        int orelse = new_label(c), end = new_label(c);
        jump_if(c, e->test, false, orelse);
        expr(c, e->left);
        emit_jump(c, WF_OP_JUMP, end);
        place(c, orelse);
        c->u->depth--;
        expr(c, e->right);
        place(c, end);
        break;
    }
    case WF_E_STARRED:
        syntax_error(c, e, "can't use starred expression here");
        break;
    case WF_E_YIELD:
        if (e->left) expr(c, e->left); else emit(c, WF_OP_LOAD_NONE, 0);
        set_line(c, e);
        emit(c, WF_OP_YIELD_VALUE, 0);
        break;
    case WF_E_YIELD_FROM:
        expr(c, e->left);
        emit(c, WF_OP_GET_YIELD_FROM_ITER, 0);
        emit(c, WF_OP_LOAD_NONE, 0);
        set_line(c, e);
        emit(c, WF_OP_YIELD_FROM, 0);
        break;
    default:
        syntax_error(c, e, "invalid syntax");
        break;
    }
    c->u->line = saved;
}

/* ---- assignment targets ---------------------------------------------------------- */


static void unpack(Compiler *c, WfAst *t) {
    int n = t->list.n, star = -1;
    for (int i = 0; i < n; i++) {
        if (t->list.items[i]->kind == WF_E_STARRED) {
            if (star >= 0) {
                syntax_error(c, t->list.items[i], "multiple starred expressions in assignment");
                return;
            }
            star = i;
        }
    }
    if (star < 0) {
        emit(c, WF_OP_UNPACK_SEQUENCE, n);
    } else {
        if (star > 255) {
            syntax_error(c, t, "too many expressions in star-unpacking assignment");
            return;
        }
        emit(c, WF_OP_UNPACK_EX, star | ((n - star - 1) << 8));
    }
    for (int i = 0; i < n; i++) {
        WfAst *x = t->list.items[i];
        store_target(c, x->kind == WF_E_STARRED ? x->left : x);
    }
}

static void store_target(Compiler *c, WfAst *t) {
    if (c->failed) return;
    switch (t->kind) {
    case WF_E_NAME: name_op(c, t->name, CTX_STORE, t); break;
    case WF_E_ATTR:
        expr(c, t->left);
        set_line(c, t);
        emit_cached(c, WF_OP_STORE_ATTR, add_attr_name(c, t->name));
        break;
    case WF_E_SUBSCRIPT:
        expr(c, t->left);
        expr(c, t->right);
        set_line(c, t);
        emit(c, WF_OP_STORE_SUBSCR, 0);
        break;
    case WF_E_TUPLE:
    case WF_E_LIST: unpack(c, t); break;
    case WF_E_STARRED: syntax_error(c, t, "starred assignment target must be in a list or tuple"); break;
    default: syntax_error(c, t, "cannot assign to expression"); break;
    }
}

static void delete_target(Compiler *c, WfAst *t) {
    switch (t->kind) {
    case WF_E_NAME: name_op(c, t->name, CTX_DEL, t); break;
    case WF_E_ATTR:
        expr(c, t->left);
        set_line(c, t);
        emit_cached(c, WF_OP_DELETE_ATTR, add_attr_name(c, t->name));
        break;
    case WF_E_SUBSCRIPT:
        expr(c, t->left);
        expr(c, t->right);
        set_line(c, t);
        emit(c, WF_OP_DELETE_SUBSCR, 0);
        break;
    case WF_E_TUPLE:
    case WF_E_LIST:
        for (int i = 0; i < t->list.n; i++) delete_target(c, t->list.items[i]);
        break;
    default: syntax_error(c, t, "cannot delete expression"); break;
    }
}

/* ---- unwinding for return / break / continue ------------------------------------------ */

/* Emits the cleanup of fblock f for a jump out of it. With preserve, a
 * value (the return value) sits on top of the stack and must stay there. */
static void unwind_one(Compiler *c, FBlock *f, bool preserve) {
    switch (f->kind) {
    case FB_LOOP: break;
    case FB_FOR_LOOP:
        if (preserve) emit(c, WF_OP_ROT_TWO, 0);
        emit(c, WF_OP_POP_TOP, 0);
        break;
    case FB_TRY_EXCEPT: region_close(c, &f->region); break;
    case FB_WITH:
        /* Leaving a with body normally: __exit__(None, None, None). */
        region_close(c, &f->region);
        if (preserve) emit(c, WF_OP_ROT_TWO, 0);
        emit(c, WF_OP_LOAD_NONE, 0);
        emit(c, WF_OP_DUP_TOP, 0);
        emit(c, WF_OP_DUP_TOP, 0);
        emit(c, WF_OP_CALL, 3);
        emit(c, WF_OP_POP_TOP, 0);
        break;
    case FB_FINALLY_TRY: {
        region_close(c, &f->region);
        /* The finally body runs outside its own protection; blocks inside
         * it are compiled with this block popped, as CPython does. */
        FBlock saved = *f;
        Unit *u = c->u;
        int idx = (int)(f - u->fb);
        int nfb = u->nfb;
        u->nfb = idx;
        stmts(c, saved.finalbody);
        u->nfb = nfb;
        u->fb[idx] = saved;
        break;
    }
    case FB_HANDLER:
    case FB_FINALLY_END:
        region_close(c, &f->region);
        if (preserve) emit(c, WF_OP_ROT_THREE, 0);
        emit(c, WF_OP_POP_EXCEPT, 0);
        if (f->kind == FB_HANDLER && f->name) {
            emit(c, WF_OP_LOAD_NONE, 0);
            name_op(c, f->name, CTX_STORE, NULL);
            name_op(c, f->name, CTX_DEL, NULL);
        }
        break;
    }
}

/* After the jump: the blocks we left are still open for the code that
 * follows in their bodies; reopen their regions there. */
static void rewind_blocks(Compiler *c, int from) {
    Unit *u = c->u;
    for (int i = from; i < u->nfb; i++) {
        FBlock *f = &u->fb[i];
        if (f->kind == FB_TRY_EXCEPT || f->kind == FB_FINALLY_TRY || f->kind == FB_HANDLER ||
            f->kind == FB_FINALLY_END || f->kind == FB_WITH)
            f->region.start = u->n;
    }
}

/* ---- statements -------------------------------------------------------------------- */

static void funcdef(Compiler *c, WfAst *s) {
    for (int i = 0; i < s->decorators.n; i++) expr(c, s->decorators.items[i]);
    WfScope *child = wf_scope_of(c->st, s);
    int flags = push_defaults(c, s->params);
    int line = c->u->line;
    if (!unit_enter(c, child, s->line)) return;
    c->u->line = s->line;
    WfAstList *body = &s->body;
    int start = 0;
    /* A leading string is the docstring: stored as consts[0] as CPython
     * does, not executed. */
    bool has_doc = body->n && body->items[0]->kind == WF_S_EXPR && body->items[0]->left->kind == WF_E_STR;
    if (has_doc) {
        add_const(c, wf_str_new(c->vm, body->items[0]->left->str, body->items[0]->left->len));
        start = 1;
    } else {
        add_const(c, WF_NONE);
    }
    if (child->generator) emit(c, WF_OP_GEN_START, 0);
    for (int i = start; i < body->n; i++) stmt(c, body->items[i]);
    emit(c, WF_OP_LOAD_NONE, 0);
    emit(c, WF_OP_RETURN_VALUE, 0);
    WfCode *code = unit_finish(c, s->name, child->qualname, s->line);
    c->u->line = line;
    set_line(c, s);
    make_closure(c, code, child, flags);
    for (int i = 0; i < s->decorators.n; i++) emit(c, WF_OP_CALL, 1);
    name_op(c, s->name, CTX_STORE, s);
}

/* A leading string literal of a module or class body becomes __doc__. */
static bool store_docstring(Compiler *c, WfAstList *body, const WfAst *at) {
    if (!body->n || body->items[0]->kind != WF_S_EXPR || body->items[0]->left->kind != WF_E_STR) return false;
    WfAst *d = body->items[0]->left;
    set_line(c, body->items[0]);
    load_const(c, wf_str_new(c->vm, d->str ? d->str : "", d->len));
    name_op(c, "__doc__", CTX_STORE, at);
    return true;
}

static void classdef(Compiler *c, WfAst *s) {
    for (int i = 0; i < s->decorators.n; i++) expr(c, s->decorators.items[i]);
    WfScope *child = wf_scope_of(c->st, s);
    int line = c->u->line;
    emit(c, WF_OP_LOAD_BUILD_CLASS, 0);
    if (!unit_enter(c, child, s->line)) return;
    c->u->line = s->line;
    name_op(c, "__name__", CTX_LOAD, s);
    name_op(c, "__module__", CTX_STORE, s);
    load_const(c, wf_str_from_cstr(c->vm, child->qualname));
    name_op(c, "__qualname__", CTX_STORE, s);
    if (store_docstring(c, &s->body, s)) {
        WfAstList rest = s->body;
        rest.items++;
        rest.n--;
        stmts(c, &rest);
    } else {
        stmts(c, &s->body);
    }
    WfSymbol *cc = wf_scope_lookup(child, "__class__");
    if (cc && cc->kind == WF_SYM_CELL) {
        /* __build_class__ fills the cell with the new class. */
        emit(c, WF_OP_LOAD_CLOSURE, cc->slot);
        emit_cached(c, WF_OP_STORE_NAME, add_name(c, "__classcell__"));
    }
    emit(c, WF_OP_LOAD_LOCALS, 0);
    emit(c, WF_OP_RETURN_VALUE, 0);
    WfCode *code = unit_finish(c, s->name, child->qualname, s->line);
    if (code) code->flags |= WF_CO_CLASS;
    c->u->line = line;
    set_line(c, s);
    make_closure(c, code, child, 0);
    load_const(c, wf_str_from_cstr(c->vm, s->name));
    for (int i = 0; i < s->list.n; i++) expr(c, s->list.items[i]);
    int nkw = s->keywords.n;
    if (nkw) {
        WfValue names = wf_tuple_new(c->vm, (size_t)nkw);
        if (WF_IS_NULL(names)) {
            oom(c);
            return;
        }
        for (int i = 0; i < nkw; i++) {
            WfAst *k = s->keywords.items[i];
            expr(c, k->left);
            WfObject *str = wf_str_intern_cstr(c->vm, k->name ? k->name : "");
            wf_obj_incref(str);
            WF_TUPLE(names)->items[i] = WF_OBJ(str);
        }
        load_const(c, names);
        emit(c, WF_OP_CALL_KW, 2 + s->list.n + nkw);
    } else {
        emit(c, WF_OP_CALL, 2 + s->list.n);
    }
    for (int i = 0; i < s->decorators.n; i++) emit(c, WF_OP_CALL, 1);
    name_op(c, s->name, CTX_STORE, s);
}

static void try_stmt(Compiler *c, WfAst *s);

static void try_except(Compiler *c, WfAst *s) {
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    FBlock *f = fb_push(c, FB_TRY_EXCEPT, s);
    if (!f) return;
    region_open(c, &f->region, handler);
    int d = c->u->depth;
    stmts(c, &s->body);
    region_close(c, &c->u->fb[c->u->nfb - 1].region);
    fb_pop(c);
    stmts(c, &s->orelse);
    emit_jump(c, WF_OP_JUMP, end);

    place(c, handler);
    c->u->depth = d + 1;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    emit(c, WF_OP_PUSH_EXC_INFO, 0);
    Region cl;
    region_open(c, &cl, cleanup);
    for (int i = 0; i < s->handlers.n; i++) {
        WfAst *h = s->handlers.items[i];
        c->u->line = h->line;
        int next = new_label(c);
        if (!h->left && i != s->handlers.n - 1) {
            syntax_error(c, h, "default 'except:' must be last");
            return;
        }
        if (h->left) {
            expr(c, h->left);
            emit(c, WF_OP_CHECK_EXC_MATCH, 0);
            emit_jump(c, WF_OP_POP_JUMP_IF_FALSE, next);
        }
        if (h->name) {
            emit(c, WF_OP_DUP_TOP, 0);
            name_op(c, h->name, CTX_STORE, h);
        }
        FBlock *hb = fb_push(c, FB_HANDLER, h);
        if (!hb) return;
        hb->name = h->name;
        region_close(c, &cl);
        region_open(c, &hb->region, cleanup);
        hb->region.depth = d + 2;
        stmts(c, &h->body);
        region_close(c, &c->u->fb[c->u->nfb - 1].region);
        fb_pop(c);
        emit(c, WF_OP_POP_EXCEPT, 0);
        if (h->name) {
            emit(c, WF_OP_LOAD_NONE, 0);
            name_op(c, h->name, CTX_STORE, h);
            name_op(c, h->name, CTX_DEL, h);
        }
        emit_jump(c, WF_OP_JUMP, end);
        place(c, next);
        c->u->depth = d + 2;
        region_open(c, &cl, cleanup);
        cl.depth = d + 2;
    }
    emit(c, WF_OP_RERAISE, 0);
    region_close(c, &cl);
    place(c, cleanup);
    c->u->depth = d + 3;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    emit(c, WF_OP_POP_EXCEPT_RERAISE, 0);
    place(c, end);
    c->u->depth = d;
}

static void try_finally(Compiler *c, WfAst *s) {
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c);
    FBlock *f = fb_push(c, FB_FINALLY_TRY, s);
    if (!f) return;
    f->finalbody = &s->finalbody;
    region_open(c, &f->region, handler);
    int d = c->u->depth;
    if (s->handlers.n) {
        try_except(c, s);
    } else {
        stmts(c, &s->body);
        stmts(c, &s->orelse);
    }
    region_close(c, &c->u->fb[c->u->nfb - 1].region);
    fb_pop(c);
    stmts(c, &s->finalbody);
    emit_jump(c, WF_OP_JUMP, end);

    place(c, handler);
    c->u->depth = d + 1;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    emit(c, WF_OP_PUSH_EXC_INFO, 0);
    FBlock *fe = fb_push(c, FB_FINALLY_END, s);
    if (!fe) return;
    region_open(c, &fe->region, cleanup);
    stmts(c, &s->finalbody);
    emit(c, WF_OP_RERAISE, 0);
    region_close(c, &c->u->fb[c->u->nfb - 1].region);
    fb_pop(c);
    place(c, cleanup);
    c->u->depth = d + 3;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    emit(c, WF_OP_POP_EXCEPT_RERAISE, 0);
    place(c, end);
    c->u->depth = d;
}

/* with A as a, B as b: BODY  ==  with A as a: with B as b: BODY
 * Stack inside the body: [exit]; the region sends exceptions to a handler
 * that calls exit(type, value, tb) and re-raises unless it returns true. */
static void with_items(Compiler *c, WfAst *s, int i) {
    WfAst *item = s->list.items[i];
    int handler = new_label(c), end = new_label(c), cleanup = new_label(c), suppress = new_label(c);
    set_line(c, item);
    expr(c, item->left);
    set_line(c, s);
    emit(c, WF_OP_SETUP_WITH, 0);
    int d = c->u->depth - 1; /* [exit] once the enter result is stored */
    if (item->right) store_target(c, item->right);
    else emit(c, WF_OP_POP_TOP, 0);
    FBlock *f = fb_push(c, FB_WITH, s);
    if (!f) return;
    region_open(c, &f->region, handler);
    if (i + 1 < s->list.n) with_items(c, s, i + 1);
    else stmts(c, &s->body);
    region_close(c, &c->u->fb[c->u->nfb - 1].region);
    fb_pop(c);
    c->u->line = s->line;
    emit(c, WF_OP_LOAD_NONE, 0);
    emit(c, WF_OP_DUP_TOP, 0);
    emit(c, WF_OP_DUP_TOP, 0);
    emit(c, WF_OP_CALL, 3);
    emit(c, WF_OP_POP_TOP, 0);
    emit_jump(c, WF_OP_JUMP, end);

    place(c, handler);
    c->u->depth = d + 1;
    emit(c, WF_OP_PUSH_EXC_INFO, 0);
    Region cl;
    region_open(c, &cl, cleanup);
    emit(c, WF_OP_WITH_EXIT, 0);
    emit_jump(c, WF_OP_POP_JUMP_IF_TRUE, suppress);
    emit(c, WF_OP_RERAISE, 0);
    region_close(c, &cl);
    place(c, suppress);
    emit(c, WF_OP_POP_EXCEPT, 0);
    emit(c, WF_OP_POP_TOP, 0);
    emit_jump(c, WF_OP_JUMP, end);
    place(c, cleanup);
    c->u->depth = d + 3;
    if (c->u->depth > c->u->maxdepth) c->u->maxdepth = c->u->depth;
    emit(c, WF_OP_POP_EXCEPT_RERAISE, 0);
    place(c, end);
    c->u->depth = d - 1;
}

static void try_stmt(Compiler *c, WfAst *s) {
    if (s->finalbody.n) try_finally(c, s);
    else try_except(c, s);
}

static FBlock *find_loop(Compiler *c) {
    Unit *u = c->u;
    for (int i = u->nfb - 1; i >= 0; i--)
        if (u->fb[i].kind == FB_LOOP || u->fb[i].kind == FB_FOR_LOOP) return &u->fb[i];
    return NULL;
}

static void break_continue(Compiler *c, WfAst *s, bool is_break) {
    FBlock *loop = find_loop(c);
    if (!loop) {
        syntax_error(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    Unit *u = c->u;
    int idx = (int)(loop - u->fb);
    int depth = u->depth;
    for (int i = u->nfb - 1; i > idx; i--) unwind_one(c, &u->fb[i], false);
    if (is_break) {
        unwind_one(c, loop, false);
        emit_jump(c, WF_OP_JUMP, loop->exit);
    } else {
        emit_jump(c, WF_OP_JUMP, loop->top);
    }
    u->depth = depth;
    rewind_blocks(c, idx + 1);
}

static void return_stmt(Compiler *c, WfAst *s) {
    Unit *u = c->u;
    if (s->left) expr(c, s->left);
    else emit(c, WF_OP_LOAD_NONE, 0);
    int depth = u->depth;
    for (int i = u->nfb - 1; i >= 0; i--) unwind_one(c, &u->fb[i], true);
    set_line(c, s);
    emit(c, WF_OP_RETURN_VALUE, 0);
    u->depth = depth - 1;
    rewind_blocks(c, 0);
}

static void print_stmt(Compiler *c, WfAst *s) {
    for (int i = 0; i < s->list.n; i++) {
        expr(c, s->list.items[i]);
        emit(c, WF_OP_PRINT_ITEM, 0);
    }
    if (!s->trailing_comma) emit(c, WF_OP_PRINT_NEWLINE, 0);
}

static void import_stmt(Compiler *c, WfAst *s) {
    for (int i = 0; i < s->list.n; i++) {
        WfAst *al = s->list.items[i];
        emit(c, WF_OP_LOAD_SMALL_INT, 0);
        emit(c, WF_OP_LOAD_NONE, 0);
        emit_cached(c, WF_OP_IMPORT_NAME, add_name(c, al->name));
        if (al->asname) {
            const char *dot = strchr(al->name, '.');
            while (dot) {
                const char *next = strchr(dot + 1, '.');
                size_t len = next ? (size_t)(next - dot - 1) : strlen(dot + 1);
                char *part = wf_arena_strndup(c->arena, dot + 1, len);
                emit_cached(c, WF_OP_IMPORT_FROM, add_name(c, part));
                emit(c, WF_OP_ROT_TWO, 0);
                emit(c, WF_OP_POP_TOP, 0);
                dot = next;
            }
            name_op(c, al->asname, CTX_STORE, al);
        } else {
            const char *dot = strchr(al->name, '.');
            const char *top = dot ? wf_arena_strndup(c->arena, al->name, (size_t)(dot - al->name)) : al->name;
            name_op(c, top, CTX_STORE, al);
        }
    }
}

static void importfrom_stmt(Compiler *c, WfAst *s) {
    emit(c, WF_OP_LOAD_SMALL_INT, s->level);
    int n = s->list.n;
    WfValue names = wf_tuple_new(c->vm, (size_t)n);
    if (WF_IS_NULL(names)) {
        oom(c);
        return;
    }
    for (int i = 0; i < n; i++) WF_TUPLE(names)->items[i] = wf_str_from_cstr(c->vm, s->list.items[i]->name);
    load_const(c, names);
    emit_cached(c, WF_OP_IMPORT_NAME, add_name(c, s->name ? s->name : ""));
    if (n == 1 && strcmp(s->list.items[0]->name, "*") == 0) {
        emit(c, WF_OP_IMPORT_STAR, 0);
        return;
    }
    for (int i = 0; i < n; i++) {
        WfAst *al = s->list.items[i];
        emit_cached(c, WF_OP_IMPORT_FROM, add_name(c, al->name));
        name_op(c, al->asname ? al->asname : al->name, CTX_STORE, al);
    }
    emit(c, WF_OP_POP_TOP, 0);
}

static void stmt(Compiler *c, WfAst *s) {
    if (c->failed || !s) return;
    set_line(c, s);
    switch (s->kind) {
    case WF_S_EXPR:
        expr(c, s->left);
        emit(c, WF_OP_POP_TOP, 0);
        break;
    case WF_S_ASSIGN:
        expr(c, s->right);
        for (int i = 0; i < s->list.n; i++) {
            if (i < s->list.n - 1) emit(c, WF_OP_DUP_TOP, 0);
            store_target(c, s->list.items[i]);
        }
        break;
    case WF_S_AUGASSIGN: {
        WfAst *t = s->left;
        if (t->kind == WF_E_NAME) {
            name_op(c, t->name, CTX_LOAD, t);
            expr(c, s->right);
            set_line(c, s);
            emit(c, WF_OP_INPLACE_OP, (int)s->op);
            name_op(c, t->name, CTX_STORE, t);
        } else if (t->kind == WF_E_ATTR) {
            expr(c, t->left);
            emit(c, WF_OP_DUP_TOP, 0);
            emit_cached(c, WF_OP_LOAD_ATTR, add_attr_name(c, t->name));
            expr(c, s->right);
            set_line(c, s);
            emit(c, WF_OP_INPLACE_OP, (int)s->op);
            emit(c, WF_OP_ROT_TWO, 0);
            emit_cached(c, WF_OP_STORE_ATTR, add_attr_name(c, t->name));
        } else if (t->kind == WF_E_SUBSCRIPT) {
            expr(c, t->left);
            expr(c, t->right);
            emit(c, WF_OP_DUP_TOP_TWO, 0);
            emit(c, WF_OP_BINARY_SUBSCR, 0);
            expr(c, s->right);
            set_line(c, s);
            emit(c, WF_OP_INPLACE_OP, (int)s->op);
            emit(c, WF_OP_ROT_THREE, 0);
            emit(c, WF_OP_STORE_SUBSCR, 0);
        } else {
            syntax_error(c, t, "illegal expression for augmented assignment");
        }
        break;
    }
    case WF_S_IF: {
        int orelse = new_label(c), end = new_label(c);
        jump_if(c, s->test, false, orelse);
        stmts(c, &s->body);
        if (s->orelse.n) {
            emit_jump(c, WF_OP_JUMP, end);
            place(c, orelse);
            stmts(c, &s->orelse);
        } else {
            place(c, orelse);
        }
        place(c, end);
        break;
    }
    case WF_S_WHILE: {
        int top = new_label(c), orelse = new_label(c), end = new_label(c);
        place(c, top);
        jump_if(c, s->test, false, orelse);
        FBlock *f = fb_push(c, FB_LOOP, s);
        if (!f) return;
        f->top = top;
        f->exit = end;
        stmts(c, &s->body);
        fb_pop(c);
        c->u->line = s->line;
        emit_jump(c, WF_OP_JUMP, top);
        place(c, orelse);
        stmts(c, &s->orelse);
        place(c, end);
        break;
    }
    case WF_S_FOR: {
        int top = new_label(c), orelse = new_label(c), end = new_label(c);
        expr(c, s->right);
        set_line(c, s);
        emit(c, WF_OP_GET_ITER, 0);
        place(c, top);
        emit_jump(c, WF_OP_FOR_ITER, orelse);
        store_target(c, s->left);
        FBlock *f = fb_push(c, FB_FOR_LOOP, s);
        if (!f) return;
        f->top = top;
        f->exit = end;
        stmts(c, &s->body);
        fb_pop(c);
        c->u->line = s->line;
        emit_jump(c, WF_OP_JUMP, top);
        place(c, orelse);
        c->u->depth -= 1;
        stmts(c, &s->orelse);
        place(c, end);
        break;
    }
    case WF_S_BREAK: break_continue(c, s, true); break;
    case WF_S_CONTINUE: break_continue(c, s, false); break;
    case WF_S_PASS: break;
    case WF_S_RETURN: return_stmt(c, s); break;
    case WF_S_DEL:
        for (int i = 0; i < s->list.n; i++) delete_target(c, s->list.items[i]);
        break;
    case WF_S_ASSERT: {
        int end = new_label(c);
        jump_if(c, s->test, true, end);
        emit(c, WF_OP_LOAD_ASSERTION_ERROR, 0);
        if (s->left) {
            expr(c, s->left);
            emit(c, WF_OP_CALL, 1);
        }
        set_line(c, s);
        emit(c, WF_OP_RAISE, 1);
        place(c, end);
        break;
    }
    case WF_S_GLOBAL:
    case WF_S_NONLOCAL: break;
    case WF_S_TRY: try_stmt(c, s); break;
    case WF_S_RAISE:
        if (s->left) {
            expr(c, s->left);
            if (s->right) {
                expr(c, s->right);
                set_line(c, s);
                emit(c, WF_OP_RAISE, 2);
            } else {
                set_line(c, s);
                emit(c, WF_OP_RAISE, 1);
            }
        } else {
            emit(c, WF_OP_RAISE, 0);
        }
        break;
    case WF_S_FUNCDEF: funcdef(c, s); break;
    case WF_S_CLASSDEF: classdef(c, s); break;
    case WF_S_IMPORT: import_stmt(c, s); break;
    case WF_S_IMPORTFROM: importfrom_stmt(c, s); break;
    case WF_S_PRINT: print_stmt(c, s); break;
    case WF_S_WITH: with_items(c, s, 0); break;
    default: syntax_error(c, s, "invalid syntax"); break;
    }
}

static void stmts(Compiler *c, WfAstList *l) {
    for (int i = 0; i < l->n && !c->failed; i++) stmt(c, l->items[i]);
}

/* ---- units -------------------------------------------------------------------------- */

static bool unit_enter(Compiler *c, WfScope *scope, int line) {
    if (c->failed) return false;
    Unit *u = calloc(1, sizeof *u);
    if (!u) {
        oom(c);
        return false;
    }
    u->parent = c->u;
    u->scope = scope;
    u->line = line;
    c->u = u;
    return true;
}

static void unit_free(Compiler *c, Unit *u) {
    for (int i = 0; i < u->nconsts; i++) wf_decref(c->vm, u->consts[i]);
    wf_mem_free(c->vm, u->consts);
    wf_mem_free(c->vm, u->code);
    wf_mem_free(c->vm, u->lines);
    wf_mem_free(c->vm, u->names);
    wf_mem_free(c->vm, u->exc);
    wf_mem_free(c->vm, u->labels);
    free(u);
}

static WfObject **names_array(Compiler *c, const char **names, int n) {
    WfObject **arr = wf_mem_alloc(c->vm, sizeof *arr * (size_t)(n ? n : 1));
    if (!arr) return NULL;
    for (int i = 0; i < n; i++) {
        arr[i] = wf_str_intern_cstr(c->vm, names[i]);
        if (!arr[i]) {
            wf_mem_free(c->vm, arr);
            return NULL;
        }
    }
    return arr;
}

static WfCode *unit_finish(Compiler *c, const char *name, const char *qualname, int firstline) {
    Unit *u = c->u;
    c->u = u->parent;
    if (c->failed) {
        unit_free(c, u);
        return NULL;
    }
    /* Resolve labels. */
    for (int i = 0; i < u->n; i++) {
        uint32_t w = u->code[i];
        int op = WF_INSTR_OP(w);
        switch (op) {
        case WF_OP_JUMP: case WF_OP_POP_JUMP_IF_FALSE: case WF_OP_POP_JUMP_IF_TRUE:
        case WF_OP_JUMP_IF_FALSE_OR_POP: case WF_OP_JUMP_IF_TRUE_OR_POP: case WF_OP_FOR_ITER:
        case WF_OP_SETUP_WITH:
            u->code[i] = WF_INSTR(op, u->labels[WF_INSTR_ARG(w)]);
            break;
        case WF_OP_LOAD_GLOBAL: case WF_OP_STORE_GLOBAL: case WF_OP_DELETE_GLOBAL:
        case WF_OP_LOAD_NAME: case WF_OP_STORE_NAME: case WF_OP_DELETE_NAME:
        case WF_OP_LOAD_ATTR: case WF_OP_STORE_ATTR: case WF_OP_DELETE_ATTR:
        case WF_OP_LOAD_METHOD: case WF_OP_IMPORT_NAME: case WF_OP_IMPORT_FROM:
            i++; /* skip the cache word */
            break;
        case WF_OP_COMPARE_JUMP: case WF_OP_COMPARE_INT_JUMP: case WF_OP_LOAD_FAST_CMP_INT_JUMP:
            i++;
            u->code[i] = WF_INSTR(WF_OP_NOP, u->labels[WF_INSTR_ARG(u->code[i])]);
            break;
        default: break;
        }
    }
    WfCode *code = wf_code_new(c->vm);
    if (!code) {
        unit_free(c, u);
        oom(c);
        return NULL;
    }
    WfScope *s = u->scope;
    code->code = u->code;
    code->lines = u->lines;
    code->ncode = (uint32_t)u->n;
    u->code = NULL;
    u->lines = NULL;
    code->consts = u->consts;
    code->nconsts = (uint32_t)u->nconsts;
    u->consts = NULL;
    u->nconsts = 0;
    code->names = u->names;
    code->nnames = (uint32_t)u->nnames;
    u->names = NULL;
    code->exctab = wf_mem_alloc(c->vm, sizeof(WfExcEntry) * (size_t)(u->nexc ? u->nexc : 1));
    code->caches = wf_mem_alloc(c->vm, sizeof(WfCache) * (size_t)(u->ncaches ? u->ncaches : 1));
    if (!code->exctab || !code->caches) goto nomem;
    memset(code->caches, 0, sizeof(WfCache) * (size_t)(u->ncaches ? u->ncaches : 1));
    for (int i = 0; i < u->nexc; i++) {
        ExcRec *r = &u->exc[i];
        code->exctab[i] = (WfExcEntry){(uint32_t)r->start, (uint32_t)r->end,
                                       (uint32_t)u->labels[r->label], (uint32_t)r->depth};
    }
    code->nexc = (uint32_t)u->nexc;
    code->ncaches = (uint32_t)u->ncaches;
    code->nlocals = (uint32_t)s->nlocals;
    code->ncells = (uint32_t)s->ncells;
    code->nfrees = (uint32_t)s->nfrees;
    code->nslots = code->nlocals + code->ncells + code->nfrees;
    int nvar = s->nlocals + s->ncells + s->nfrees;
    const char **all = calloc((size_t)(nvar ? nvar : 1), sizeof *all);
    if (!all) goto nomem;
    for (int i = 0; i < s->nlocals; i++) all[i] = s->locals[i];
    for (int i = 0; i < s->ncells; i++) all[s->nlocals + i] = s->cells[i];
    for (int i = 0; i < s->nfrees; i++) all[s->nlocals + s->ncells + i] = s->frees[i];
    code->varnames = names_array(c, all, nvar);
    free(all);
    if (!code->varnames) goto nomem;
    code->cell2arg = wf_mem_alloc(c->vm, sizeof(int32_t) * (size_t)(s->ncells ? s->ncells : 1));
    if (!code->cell2arg) goto nomem;
    int nparams = s->argcount + s->kwonlycount + (s->varargs ? 1 : 0) + (s->varkw ? 1 : 0);
    for (int i = 0; i < s->ncells; i++) {
        code->cell2arg[i] = -1;
        for (int j = 0; j < nparams && j < s->nlocals; j++)
            if (strcmp(s->locals[j], s->cells[i]) == 0) code->cell2arg[i] = j;
    }
    code->argcount = (uint32_t)s->argcount;
    code->kwonlycount = (uint32_t)s->kwonlycount;
    code->stacksize = (uint32_t)u->maxdepth + 2;
    uint32_t flags = c->extra_flags;
    if (s->varargs) flags |= WF_CO_VARARGS;
    if (s->varkw) flags |= WF_CO_VARKW;
    if (s->generator) flags |= WF_CO_GENERATOR;
    if (s->kind == WF_SCOPE_MODULE) flags |= WF_CO_MODULE;
    if (s->kind == WF_SCOPE_CLASS) flags |= WF_CO_CLASS;
    if (s->parent && s->parent->kind == WF_SCOPE_FUNCTION) flags |= WF_CO_NESTED;
    if (!s->varargs && !s->varkw && s->kwonlycount == 0 && !s->generator)
        flags |= WF_CO_SIMPLE;
    code->flags = flags;
    code->simple_argc = (flags & WF_CO_SIMPLE) ? code->argcount : UINT32_MAX;
    WfValue nm = wf_str_from_cstr(c->vm, name);
    WfValue qn = wf_str_from_cstr(c->vm, qualname ? qualname : name);
    if (WF_IS_NULL(nm) || WF_IS_NULL(qn)) {
        wf_decref(c->vm, nm);
        wf_decref(c->vm, qn);
        goto nomem;
    }
    code->name = nm.u.o;
    code->qualname = qn.u.o;
    code->filename = c->filename;
    wf_obj_incref(c->filename);
    code->source = c->source;
    if (c->source) wf_obj_incref(c->source);
    code->firstline = firstline;
    unit_free(c, u);
    return code;
nomem:
    unit_free(c, u);
    wf_obj_decref(c->vm, &code->ob);
    oom(c);
    return NULL;
}

WfCode *wf_compile(WfVM *vm, WfArena *arena, WfModuleAst *mod, const char *filename,
                   const char *source, size_t srclen, uint32_t extra_flags, WfSyntaxError *err) {
    Compiler c = {0};
    c.vm = vm;
    c.arena = arena;
    c.err = err;
    c.extra_flags = extra_flags;
    c.st = wf_scope_build(arena, mod, err);
    if (!c.st) return NULL;
    WfValue fn = wf_str_from_cstr(vm, filename);
    if (WF_IS_NULL(fn)) return NULL;
    c.filename = fn.u.o;
    if (source) {
        WfValue src = wf_str_new(vm, source, srclen);
        if (WF_IS_NULL(src)) {
            wf_decref(vm, fn);
            return NULL;
        }
        c.source = src.u.o;
    }
    WfCode *code = NULL;
    if (unit_enter(&c, wf_scope_module(c.st), 1)) {
        WfAstList body = mod->body;
        if (store_docstring(&c, &body, body.n ? body.items[0] : NULL)) {
            body.items++;
            body.n--;
        }
        stmts(&c, &body);
        emit(&c, WF_OP_LOAD_NONE, 0);
        emit(&c, WF_OP_RETURN_VALUE, 0);
        code = unit_finish(&c, "<module>", "<module>", 1);
    }
    while (c.u) {
        Unit *u = c.u;
        c.u = u->parent;
        unit_free(&c, u);
    }
    wf_obj_decref(vm, c.filename);
    if (c.source) wf_obj_decref(vm, c.source);
    return code;
}

WfCode *wf_compile_source(WfVM *vm, const char *source, size_t len, const char *filename,
                          WfParseMode mode, uint32_t extra_flags, WfSyntaxError *err) {
    WfArena arena;
    wf_arena_init(&arena);
    memset(err, 0, sizeof *err);
    WfModuleAst *mod = wf_parse(&arena, source, len, mode, err);
    WfCode *code = NULL;
    if (mod) code = wf_compile(vm, &arena, mod, filename, source, len, extra_flags, err);
    wf_arena_free(&arena);
    return code;
}
