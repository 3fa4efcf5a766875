/* code.h: code objects, what the compiler produces and the VM runs: the
 * instruction words, constants, names, the line table (one line number per
 * instruction) and the exception table (zero cost until something raises).
 * Code objects are immutable once built, except for the inline caches. */
#ifndef WF_CODE_H
#define WF_CODE_H
#include "vm.h"

enum {
#define OP(name, fmt, stack, doc) WF_OP_##name,
#include "opcodes.h"
#undef OP
    WF_OP_COUNT
};

#define WF_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define WF_INSTR_OP(w) ((w) & 0xff)
#define WF_INSTR_ARG(w) ((w) >> 8)
/* Largest operand one instruction word holds (24 bits). */
#define WF_MAX_OPERAND 0xffffff

enum {
    WF_CO_VARARGS = 1,
    WF_CO_VARKW = 2,
    WF_CO_GENERATOR = 4,
    WF_CO_NESTED = 8,
    WF_CO_MODULE = 16,     /* module body: locals are the globals dict */
    WF_CO_CLASS = 32,      /* class body: locals are a fresh dict */
    WF_CO_SIMPLE = 64,     /* positional parameters only, not a generator:
                              a call with exactly those binds by moving */
    WF_CO_NO_SOURCE = 128  /* -c / stdin: tracebacks print no source line */
};

/* Try-region: an exception raised at an instruction in [start, end) unwinds
 * the value stack to `depth` entries, pushes the exception and jumps to
 * `target`. The innermost region comes first for any instruction. */
typedef struct WfExcEntry {
    uint32_t start, end, target, depth;
} WfExcEntry;

/* One receiver class an attribute site has seen (LOAD_ATTR, STORE_ATTR,
 * and LOAD_METHOD on instances of heap classes). */
typedef struct WfAttrSeen {
    WfType *type;          /* borrowed; NULL: an empty entry */
    uint64_t aux;          /* LOAD_ATTR / STORE_ATTR: the inline value
                              index; LOAD_METHOD: the class's count of
                              inline names */
    const void *fn;        /* LOAD_METHOD: the function (borrowed) */
} WfAttrSeen;

/* Classes one attribute site remembers: code that handles a few sibling
 * classes (a base method run on every subclass) keeps hitting. */
#define WF_ATTR_SEEN 4

/* Inline cache of a LOAD_GLOBAL / LOAD_ATTR / STORE_ATTR / LOAD_METHOD
 * site. */
typedef struct WfCache {
    uint64_t version;      /* globals dict version; for attribute sites
                              vm->next_type_version, for all of seen */
    uint64_t version2;     /* LOAD_GLOBAL: builtins dict version, 0: found
                              in globals */
    WfValue value;         /* LOAD_METHOD: owned native; LOAD_GLOBAL: the
                              entry index as an int */
    WfType *type;          /* LOAD_METHOD: the native's type (borrowed) */
    const void *dict;      /* LOAD_GLOBAL: the globals dict cached */
    WfAttrSeen seen[WF_ATTR_SEEN];
} WfCache;

typedef struct WfCode {
    WfObject ob;
    uint32_t *code;
    uint32_t ncode;
    uint32_t *lines;       /* line of each instruction */
    WfValue *consts;
    uint32_t nconsts;
    WfObject **names;      /* interned strs for M operands */
    uint32_t nnames;
    WfObject **varnames;   /* locals, then cell vars, then free vars */
    uint32_t nlocals, ncells, nfrees;
    uint32_t nslots;       /* nlocals + ncells + nfrees: where a frame's
                              value stack starts */
    int32_t *cell2arg;     /* per cell var: the argument it starts as, or -1 */
    uint32_t argcount, kwonlycount;
    uint32_t simple_argc;  /* argcount when WF_CO_SIMPLE, else UINT32_MAX:
                              one compare tells a call it can move its
                              arguments in */
    uint32_t stacksize;
    uint32_t flags;
    WfExcEntry *exctab;
    uint32_t nexc;
    WfCache *caches;
    uint32_t ncaches;
    /* wf_function_new's finds of __builtins__ and __name__ (entry indexes,
     * -1: absent) in the globals dict it last made a function with, kept
     * while that dict's version holds: a closure made in a loop skips two
     * lookups. fn_globals is borrowed, only compared. */
    const void *fn_globals;
    uint64_t fn_version;
    int64_t fn_builtins_ix, fn_name_ix;
    WfObject *name;        /* str */
    WfObject *qualname;    /* str */
    WfObject *filename;    /* str */
    WfObject *source;      /* str: the whole source text, shared */
    int firstline;
} WfCode;

WfCode *wf_code_new(WfVM *vm);
/* The source line `line` (1-based) of code's file, stripped of leading and
 * trailing whitespace, into buf; false if unknown. */
bool wf_code_source_line(WfCode *code, int line, char *buf, size_t size);
extern const char *const wf_op_names[WF_OP_COUNT];
extern const int wf_op_stack[WF_OP_COUNT];
#endif
