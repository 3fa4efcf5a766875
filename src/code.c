/* code.c: the code object type and the tables generated from opcodes.h
 * (names for the disassembler, stack effects for the compiler). */
#include <string.h>
#include "code.h"
#include "type.h"

const char *const wf_op_names[WF_OP_COUNT] = {
#define OP(name, fmt, stack, doc) #name,
#include "opcodes.h"
#undef OP
};

const int wf_op_stack[WF_OP_COUNT] = {
#define OP(name, fmt, stack, doc) stack,
#include "opcodes.h"
#undef OP
};

static void code_dealloc(WfVM *vm, WfObject *o) {
    WfCode *c = (WfCode *)o;
    for (uint32_t i = 0; i < c->nconsts; i++) wf_decref(vm, c->consts[i]);
    for (uint32_t i = 0; i < c->ncaches; i++) wf_decref(vm, c->caches[i].value);
    wf_mem_free(vm, c->consts);
    wf_mem_free(vm, c->code);
    wf_mem_free(vm, c->lines);
    wf_mem_free(vm, c->names);
    wf_mem_free(vm, c->varnames);
    wf_mem_free(vm, c->cell2arg);
    wf_mem_free(vm, c->exctab);
    wf_mem_free(vm, c->caches);
    wf_obj_xdecref(vm, c->name);
    wf_obj_xdecref(vm, c->qualname);
    wf_obj_xdecref(vm, c->filename);
    wf_obj_xdecref(vm, c->source);
    wf_obj_free(vm, o);
}

static void code_traverse(WfObject *o, WfVisitFn visit, void *arg) {
    WfCode *c = (WfCode *)o;
    for (uint32_t i = 0; i < c->nconsts; i++)
        if (WF_IS_OBJ(c->consts[i])) visit(c->consts[i].u.o, arg);
    for (uint32_t i = 0; i < c->ncaches; i++)
        if (WF_IS_OBJ(c->caches[i].value)) visit(c->caches[i].value.u.o, arg);
}

static WfValue code_repr(WfVM *vm, WfValue v) {
    WfCode *c = (WfCode *)v.u.o;
    return wf_str_printf(vm, "<code object %s at %p, file \"%s\", line %d>", ((WfStr *)c->name)->data,
                         (void *)c, ((WfStr *)c->filename)->data, c->firstline);
}

static WfValue co_name(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfCode *)self.u.o)->name)); }
static WfValue co_qualname(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfCode *)self.u.o)->qualname)); }
static WfValue co_filename(WfVM *vm, WfValue self) { return wf_ref(WF_OBJ(((WfCode *)self.u.o)->filename)); }
static WfValue co_firstlineno(WfVM *vm, WfValue self) { return WF_INT(((WfCode *)self.u.o)->firstline); }
static WfValue co_argcount(WfVM *vm, WfValue self) { return WF_INT(((WfCode *)self.u.o)->argcount); }
static WfValue co_varnames(WfVM *vm, WfValue self) {
    WfCode *c = (WfCode *)self.u.o;
    WfValue t = wf_tuple_new(vm, c->nlocals);
    if (WF_IS_NULL(t)) return t;
    for (uint32_t i = 0; i < c->nlocals; i++) WF_TUPLE(t)->items[i] = wf_ref(WF_OBJ(c->varnames[i]));
    return t;
}
static const WfGetSetDef code_getsets[] = {
    {"co_name", co_name, NULL},
    {"co_qualname", co_qualname, NULL},
    {"co_filename", co_filename, NULL},
    {"co_firstlineno", co_firstlineno, NULL},
    {"co_argcount", co_argcount, NULL},
    {"co_varnames", co_varnames, NULL},
    {NULL, NULL, NULL}};

WfType wf_type_code = {
    .ob = WF_STATIC_OBJECT_HEAD(&wf_type_type),
    .name = "code",
    .base = &wf_type_object,
    .flags = WF_TPFLAG_GC,
    .size = sizeof(WfCode),
    .dealloc = code_dealloc,
    .traverse = code_traverse,
    .repr = code_repr,
    .getsets = code_getsets,
};

WfCode *wf_code_new(WfVM *vm) {
    return (WfCode *)wf_obj_alloc(vm, &wf_type_code, sizeof(WfCode));
}

bool wf_code_source_line(WfCode *code, int line, char *buf, size_t size) {
    if (!code->source || (code->flags & WF_CO_NO_SOURCE) || line < 1 || size == 0) return false;
    WfStr *s = (WfStr *)code->source;
    const char *p = s->data, *end = s->data + s->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return false;
        p = nl + 1;
    }
    if (p >= end) return false;
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e) e = end;
    while (p < e && (*p == ' ' || *p == '\t' || *p == '\f')) p++;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    size_t n = (size_t)(e - p);
    if (n >= size) n = size - 1;
    memcpy(buf, p, n);
    buf[n] = 0;
    return true;
}
