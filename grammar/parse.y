/* parse.y: edit this file, not the generated C.
 * The lemon LALR(1) grammar of weft's Python subset (LANGUAGE.md): every
 * statement and expression, and the Python-2 print statement (the
 * lexer turns `print` into PRINT where it starts one). Actions are one
 * call into the builders of ast.c (ast_build.h); they check targets and
 * argument order. The driver (parser.c) feeds a MODE_* token first to pick
 * file, single (prompt) or eval input, and analyses syntax errors itself
 * with the helpers in the %code section at the end. Binary operators use
 * lemon's precedence table; unary ones and ** are written out. */

%include {
#include "ast_build.h"
#include <assert.h>
#include <stdlib.h>
#include <string.h>
/* Stop at the first syntax error; parser.c explains it. */
#define YYNOERRORRECOVERY 1
#define NDEBUG 1
}

%name wf_lemon
%token_prefix TK_
%token_type {WfTok}
%default_type {WfAst *}
%extra_argument {WfParser *P}
/* Deep enough for 200 nested brackets inside 99 nested blocks or a chain
 * of a thousand unary operators, which CPython 3.11 also compiles. */
%stack_size 4000
%stack_overflow { P->overflow = true; }
%syntax_error {
    (void)yymajor;
    (void)yyminor;
    P->failed = P->syntax = true;
}
%parse_accept { P->accepted = true; }

/* Codes in a fixed order; the lexer returns them (lexer.h, lex.re). */
%token MODE_FILE MODE_SINGLE MODE_EVAL ENDMARKER NEWLINE INDENT DEDENT.
%token NAME NUMBER STRING PRINT WITH_LPAR BADCHAR.
%token FALSE NONE TRUE AND AS ASSERT ASYNC AWAIT BREAK CLASS CONTINUE DEF.
%token DEL ELIF ELSE EXCEPT FINALLY FOR FROM GLOBAL IF IMPORT IN IS LAMBDA.
%token NONLOCAL NOT OR PASS RAISE RETURN TRY WHILE WITH YIELD.
%token LPAR RPAR LSQB RSQB LBRACE RBRACE COLON COLONEQUAL COMMA SEMI.
%token PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER EQUAL DOT PERCENT.
%token EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE CIRCUMFLEX LEFTSHIFT.
%token RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL.
%token PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL.
%token RIGHTSHIFTEQUAL DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT.
%token ATEQUAL RARROW ELLIPSIS.

/* Python's operator precedence, lowest first. LESS stands for every
 * comparison (the comparison rules borrow it with [LESS]). */
%left OR.
%left AND.
%right NOT.
%nonassoc LESS.
%left VBAR.
%left CIRCUMFLEX.
%left AMPER.
%left LEFTSHIFT RIGHTSHIFT.
%left PLUS MINUS.
%left STAR SLASH PERCENT DOUBLESLASH AT.

%type augassign {int}
%type compop {int}
%type dots {int}
%type strings {WfStrList *}
%type params {WfParams *}
%type lparams {WfParams *}
%type stmts {WfSeq *}
%type block {WfSeq *}
%type simple_stmts {WfSeq *}
%type small_list {WfSeq *}
%type namelist {WfSeq *}
%type print_list {WfSeq *}
%type assign_chain {WfSeq *}
%type dotted_as_names {WfSeq *}
%type dotted_name {WfSeq *}
%type import_targets {WfSeq *}
%type import_names {WfSeq *}
%type if_head {WfSeq *}
%type handlers {WfSeq *}
%type with_items {WfSeq *}
%type plist {WfSeq *}
%type lplist {WfSeq *}
%type decorators {WfSeq *}
%type exprlist {WfSeq *}
%type xse_items2 {WfSeq *}
%type tse_items2 {WfSeq *}
%type tlc {WfSeq *}
%type tlc_items2 {WfSeq *}
%type set_items {WfSeq *}
%type comp_for {WfSeq *}
%type arglist {WfSeq *}
%type args {WfSeq *}
%type sub_items2 {WfSeq *}

/* ================= entry ================= */

input ::= MODE_FILE file_input.
input ::= MODE_SINGLE single_input.
input ::= MODE_EVAL eval_input.

file_input ::= ENDMARKER.                         { wf_b_module(P, NULL); }
file_input ::= stmts(B) ENDMARKER.                { wf_b_module(P, B); }

single_input ::= ENDMARKER.                       { wf_b_module(P, NULL); }
single_input ::= simple_stmts(B) ENDMARKER.       { wf_b_module(P, B); }
single_input ::= compound_stmt(B) ENDMARKER.      { wf_b_module(P, wf_b_seq(P, B)); }

eval_input ::= tsl(E) ENDMARKER.                  { wf_b_eval(P, E); }
eval_input ::= tsl(E) NEWLINE ENDMARKER.          { wf_b_eval(P, E); }

stmts(A) ::= simple_stmts(B).                     { A = B; }
stmts(A) ::= compound_stmt(B).                    { A = wf_b_seq(P, B); }
stmts(A) ::= stmts(X) simple_stmts(B).            { A = wf_b_cat(P, X, B); }
stmts(A) ::= stmts(X) compound_stmt(B).           { A = wf_b_push(P, X, B); }

block(A) ::= simple_stmts(B).                     { A = B; }
block(A) ::= NEWLINE INDENT stmts(B) DEDENT.      { A = B; }

/* ================= simple statements ================= */

simple_stmts(A) ::= small_list(B) NEWLINE.        { A = B; }
simple_stmts(A) ::= small_list(B) SEMI NEWLINE.   { A = B; }
small_list(A) ::= small_stmt(B).                  { A = wf_b_seq(P, B); }
small_list(A) ::= small_list(X) SEMI small_stmt(B). { A = wf_b_push(P, X, B); }

small_stmt(A) ::= expr_stmt(B).                   { A = B; }
small_stmt(A) ::= PASS(T).                        { A = wf_b_simple(P, WF_S_PASS, &T); }
small_stmt(A) ::= BREAK(T).                       { A = wf_b_simple(P, WF_S_BREAK, &T); }
small_stmt(A) ::= CONTINUE(T).                    { A = wf_b_simple(P, WF_S_CONTINUE, &T); }
small_stmt(A) ::= RETURN(T).                      { A = wf_b_return(P, &T, NULL); }
small_stmt(A) ::= RETURN(T) tsl(E).               { A = wf_b_return(P, &T, E); }
small_stmt(A) ::= RAISE(T).                       { A = wf_b_raise(P, &T, NULL, NULL); }
small_stmt(A) ::= RAISE(T) test(E).               { A = wf_b_raise(P, &T, E, NULL); }
small_stmt(A) ::= RAISE(T) test(E) FROM test(C).  { A = wf_b_raise(P, &T, E, C); }
small_stmt(A) ::= DEL(T) exprlist(L).             { A = wf_b_del(P, &T, L); }
small_stmt(A) ::= ASSERT(T) test(E).              { A = wf_b_assert(P, &T, E, NULL); }
small_stmt(A) ::= ASSERT(T) test(E) COMMA test(M). { A = wf_b_assert(P, &T, E, M); }
small_stmt(A) ::= GLOBAL(T) namelist(L).          { A = wf_b_names(P, WF_S_GLOBAL, &T, L); }
small_stmt(A) ::= NONLOCAL(T) namelist(L).        { A = wf_b_names(P, WF_S_NONLOCAL, &T, L); }
small_stmt(A) ::= PRINT(T).                       { A = wf_b_print(P, &T, NULL, false); }
small_stmt(A) ::= PRINT(T) print_list(L).         { A = wf_b_print(P, &T, L, false); }
small_stmt(A) ::= PRINT(T) print_list(L) COMMA.   { A = wf_b_print(P, &T, L, true); }
small_stmt(A) ::= import_stmt(B).                 { A = B; }

namelist(A) ::= NAME(N).                          { A = wf_b_seq(P, wf_b_name(P, &N)); }
namelist(A) ::= namelist(X) COMMA NAME(N).        { A = wf_b_push(P, X, wf_b_name(P, &N)); }

print_list(A) ::= test(E).                        { A = wf_b_seq(P, E); }
print_list(A) ::= print_list(X) COMMA test(E).    { A = wf_b_push(P, X, E); }

expr_stmt(A) ::= yield_or_tsl(E).                 { A = wf_b_expr_stmt(P, E); }
expr_stmt(A) ::= yield_or_tsl(T) augassign(O) yield_or_tsl(V). { A = wf_b_augassign(P, T, O, V); }
expr_stmt(A) ::= yield_or_tsl(T) COLON test(N).   { A = wf_b_annassign(P, T, N, NULL); }
expr_stmt(A) ::= yield_or_tsl(T) COLON test(N) EQUAL yield_or_tsl(V). { A = wf_b_annassign(P, T, N, V); }
expr_stmt(A) ::= assign_chain(C).                 { A = wf_b_assign(P, C); }

assign_chain(A) ::= yield_or_tsl(T) EQUAL yield_or_tsl(V). { A = wf_b_push(P, wf_b_seq(P, T), V); }
assign_chain(A) ::= assign_chain(X) EQUAL yield_or_tsl(V). { A = wf_b_push(P, X, V); }

yield_or_tsl(A) ::= tsl(E).                       { A = E; }
yield_or_tsl(A) ::= yield_expr(E).                { A = E; }

augassign(A) ::= PLUSEQUAL.                       { A = WF_OP_ADD; }
augassign(A) ::= MINEQUAL.                        { A = WF_OP_SUB; }
augassign(A) ::= STAREQUAL.                       { A = WF_OP_MUL; }
augassign(A) ::= SLASHEQUAL.                      { A = WF_OP_TRUEDIV; }
augassign(A) ::= DOUBLESLASHEQUAL.                { A = WF_OP_FLOORDIV; }
augassign(A) ::= PERCENTEQUAL.                    { A = WF_OP_MOD; }
augassign(A) ::= DOUBLESTAREQUAL.                 { A = WF_OP_POW; }
augassign(A) ::= LEFTSHIFTEQUAL.                  { A = WF_OP_LSHIFT; }
augassign(A) ::= RIGHTSHIFTEQUAL.                 { A = WF_OP_RSHIFT; }
augassign(A) ::= AMPEREQUAL.                      { A = WF_OP_BITAND; }
augassign(A) ::= VBAREQUAL.                       { A = WF_OP_BITOR; }
augassign(A) ::= CIRCUMFLEXEQUAL.                 { A = WF_OP_BITXOR; }
augassign(A) ::= ATEQUAL.                         { A = WF_OP_MATMUL; }

/* import a.b as c, d / from ..a import (b as c, d) / from a import * */
import_stmt(A) ::= IMPORT(T) dotted_as_names(L).  { A = wf_b_import(P, &T, L); }
import_stmt(A) ::= FROM(T) dotted_name(M) IMPORT import_targets(L). { A = wf_b_import_from(P, &T, 0, M, L); }
import_stmt(A) ::= FROM(T) dots(D) IMPORT import_targets(L). { A = wf_b_import_from(P, &T, D, NULL, L); }
import_stmt(A) ::= FROM(T) dots(D) dotted_name(M) IMPORT import_targets(L). { A = wf_b_import_from(P, &T, D, M, L); }

dots(A) ::= DOT.                                  { A = 1; }
dots(A) ::= ELLIPSIS.                             { A = 3; }
dots(A) ::= dots(X) DOT.                          { A = X + 1; }
dots(A) ::= dots(X) ELLIPSIS.                     { A = X + 3; }

dotted_name(A) ::= NAME(N).                       { A = wf_b_seq(P, wf_b_name(P, &N)); }
dotted_name(A) ::= dotted_name(X) DOT NAME(N).    { A = wf_b_push(P, X, wf_b_name(P, &N)); }

dotted_as_names(A) ::= dotted_as_name(B).         { A = wf_b_seq(P, B); }
dotted_as_names(A) ::= dotted_as_names(X) COMMA dotted_as_name(B). { A = wf_b_push(P, X, B); }
dotted_as_name(A) ::= dotted_name(D).             { A = wf_b_alias(P, D, NULL); }
dotted_as_name(A) ::= dotted_name(D) AS NAME(N).  { A = wf_b_alias(P, D, &N); }

import_targets(A) ::= STAR(S).                    { A = wf_b_seq(P, wf_b_import_star(P, &S)); }
import_targets(A) ::= LPAR import_names(L) RPAR(R). { A = wf_b_seq_end(P, L, &R); }
import_targets(A) ::= LPAR import_names(L) COMMA RPAR(R). { A = wf_b_seq_end(P, L, &R); }
import_targets(A) ::= import_names(L).            { A = L; }
import_targets(A) ::= import_names(L) COMMA.      { A = L; wf_b_import_trailing_comma(P, &yyLookaheadToken); }
import_names(A) ::= import_name(B).               { A = wf_b_seq(P, B); }
import_names(A) ::= import_names(X) COMMA import_name(B). { A = wf_b_push(P, X, B); }
import_name(A) ::= NAME(N).                       { A = wf_b_alias_name(P, &N, NULL); }
import_name(A) ::= NAME(N) AS NAME(M).            { A = wf_b_alias_name(P, &N, &M); }

/* ================= compound statements ================= */

compound_stmt(A) ::= if_stmt(B).                  { A = B; }
compound_stmt(A) ::= WHILE(T) test(E) COLON block(B). { A = wf_b_while(P, &T, E, B, NULL); }
compound_stmt(A) ::= WHILE(T) test(E) COLON block(B) ELSE COLON block(C). { A = wf_b_while(P, &T, E, B, C); }
compound_stmt(A) ::= FOR(T) exprlist(X) IN tsl(E) COLON block(B). { A = wf_b_for(P, &T, X, E, B, NULL); }
compound_stmt(A) ::= FOR(T) exprlist(X) IN tsl(E) COLON block(B) ELSE COLON block(C). { A = wf_b_for(P, &T, X, E, B, C); }
compound_stmt(A) ::= try_stmt(B).                 { A = B; }
compound_stmt(A) ::= with_stmt(B).                { A = B; }
compound_stmt(A) ::= funcdef(B).                  { A = B; }
compound_stmt(A) ::= classdef(B).                 { A = B; }
compound_stmt(A) ::= decorators(D) funcdef(B).    { A = wf_b_decorated(P, D, B); }
compound_stmt(A) ::= decorators(D) classdef(B).   { A = wf_b_decorated(P, D, B); }

if_stmt(A) ::= if_head(H).                        { A = wf_b_if_done(P, H, NULL); }
if_stmt(A) ::= if_head(H) ELSE COLON block(B).    { A = wf_b_if_done(P, H, B); }
if_head(A) ::= IF(T) test(E) COLON block(B).      { A = wf_b_if(P, &T, E, B); }
if_head(A) ::= if_head(H) ELIF(T) test(E) COLON block(B). { A = wf_b_elif(P, H, &T, E, B); }

try_stmt(A) ::= TRY(T) COLON block(B) handlers(H). { A = wf_b_try(P, &T, B, H, NULL, NULL); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) ELSE COLON block(E). { A = wf_b_try(P, &T, B, H, E, NULL); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) FINALLY COLON block(F). { A = wf_b_try(P, &T, B, H, NULL, F); }
try_stmt(A) ::= TRY(T) COLON block(B) handlers(H) ELSE COLON block(E) FINALLY COLON block(F). { A = wf_b_try(P, &T, B, H, E, F); }
try_stmt(A) ::= TRY(T) COLON block(B) FINALLY COLON block(F). { A = wf_b_try(P, &T, B, NULL, NULL, F); }
handlers(A) ::= handler(B).                       { A = wf_b_seq(P, B); }
handlers(A) ::= handlers(X) handler(B).           { A = wf_b_push(P, X, B); }
handler(A) ::= EXCEPT(T) COLON block(B).          { A = wf_b_handler(P, &T, NULL, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) COLON block(B).  { A = wf_b_handler(P, &T, E, NULL, B); }
handler(A) ::= EXCEPT(T) test(E) AS NAME(N) COLON block(B). { A = wf_b_handler(P, &T, E, &N, B); }

with_stmt(A) ::= WITH(T) with_items(I) COLON block(B). { A = wf_b_with(P, &T, I, B, false); }
with_stmt(A) ::= WITH(T) WITH_LPAR with_items(I) RPAR COLON block(B). { A = wf_b_with(P, &T, I, B, true); }
with_stmt(A) ::= WITH(T) WITH_LPAR with_items(I) COMMA RPAR COLON block(B). { A = wf_b_with(P, &T, I, B, true); }
with_items(A) ::= with_item(B).                   { A = wf_b_seq(P, B); }
with_items(A) ::= with_items(X) COMMA with_item(B). { A = wf_b_push(P, X, B); }
with_item(A) ::= test(E).                         { A = wf_b_with_item(P, E, NULL); }
with_item(A) ::= test(E) AS expr(T).              { A = wf_b_with_item(P, E, T); }
with_item(A) ::= test(E) AS star_expr(T).         { A = wf_b_with_item(P, E, T); }

funcdef(A) ::= DEF(T) NAME(N) LPAR RPAR COLON block(B). { A = wf_b_funcdef(P, &T, &N, NULL, B); }
funcdef(A) ::= DEF(T) NAME(N) LPAR params(L) RPAR COLON block(B). { A = wf_b_funcdef(P, &T, &N, L, B); }
funcdef(A) ::= DEF(T) NAME(N) LPAR RPAR RARROW test COLON block(B). { A = wf_b_funcdef(P, &T, &N, NULL, B); }
funcdef(A) ::= DEF(T) NAME(N) LPAR params(L) RPAR RARROW test COLON block(B). { A = wf_b_funcdef(P, &T, &N, L, B); }

params(A) ::= plist(L).                           { A = wf_b_params(P, L); }
params(A) ::= plist(L) COMMA.                     { A = wf_b_params(P, L); }
plist(A) ::= param(B).                            { A = wf_b_seq(P, B); }
plist(A) ::= plist(X) COMMA param(B).             { A = wf_b_push(P, X, B); }
param(A) ::= tname(N).                            { A = N; }
param(A) ::= tname(N) EQUAL test(D).              { A = wf_b_param_default(P, N, D); }
param(A) ::= STAR(S).                             { A = wf_b_param(P, NULL, WF_PK_STAR, NULL, &S); }
param(A) ::= STAR(S) tname(N).                    { A = wf_b_param_star(P, N, WF_PK_STAR, &S); }
param(A) ::= DOUBLESTAR(S) tname(N).              { A = wf_b_param_star(P, N, WF_PK_DSTAR, &S); }
tname(A) ::= NAME(N).                             { A = wf_b_param(P, &N, WF_PK_PLAIN, NULL, NULL); }
tname(A) ::= NAME(N) COLON test.                  { A = wf_b_param(P, &N, WF_PK_PLAIN, NULL, NULL); }

classdef(A) ::= CLASS(T) NAME(N) COLON block(B).  { A = wf_b_classdef(P, &T, &N, NULL, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAR RPAR COLON block(B). { A = wf_b_classdef(P, &T, &N, NULL, NULL, B); }
classdef(A) ::= CLASS(T) NAME(N) LPAR arglist(L) RPAR(R) COLON block(B). { A = wf_b_classdef(P, &T, &N, L, &R, B); }

decorators(A) ::= decorator(B).                   { A = wf_b_seq(P, B); }
decorators(A) ::= decorators(X) decorator(B).     { A = wf_b_push(P, X, B); }
decorator(A) ::= AT test(E) NEWLINE.              { A = E; }

/* ================= expressions ================= */

/* testlist_star_expr: one item, or a tuple without parentheses */
tsl(A) ::= tse(E).                                { A = E; }
tsl(A) ::= tse(E) COMMA(C).                       { A = wf_b_tuple(P, wf_b_seq_end(P, wf_b_mark_comma(wf_b_seq(P, E)), &C)); }
tsl(A) ::= tse_items2(L).                         { A = wf_b_tuple(P, L); }
tsl(A) ::= tse_items2(L) COMMA(C).                { A = wf_b_tuple(P, wf_b_seq_end(P, L, &C)); }
tse_items2(A) ::= tse(X) COMMA tse(Y).            { A = wf_b_mark_comma(wf_b_push(P, wf_b_seq(P, X), Y)); }
tse_items2(A) ::= tse_items2(L) COMMA tse(Y).     { A = wf_b_push(P, L, Y); }
tse(A) ::= test(E).                               { A = E; }
tse(A) ::= star_expr(E).                          { A = E; }
star_expr(A) ::= STAR(S) expr(E).                 { A = wf_b_starred(P, &S, E); }

/* exprlist (for / del / comprehension targets): always a WF_SEQ */
exprlist(A) ::= xse(E).                           { A = wf_b_seq(P, E); }
exprlist(A) ::= xse(E) COMMA(C).                  { A = wf_b_seq_end(P, wf_b_mark_comma(wf_b_seq(P, E)), &C); }
exprlist(A) ::= xse_items2(L).                    { A = L; }
exprlist(A) ::= xse_items2(L) COMMA(C).           { A = wf_b_seq_end(P, L, &C); }
xse_items2(A) ::= xse(X) COMMA xse(Y).            { A = wf_b_mark_comma(wf_b_push(P, wf_b_seq(P, X), Y)); }
xse_items2(A) ::= xse_items2(L) COMMA xse(Y).     { A = wf_b_push(P, L, Y); }
xse(A) ::= expr(E).                               { A = E; }
xse(A) ::= star_expr(E).                          { A = E; }

yield_expr(A) ::= YIELD(T).                       { A = wf_b_yield(P, &T, NULL); }
yield_expr(A) ::= YIELD(T) tsl(E).                { A = wf_b_yield(P, &T, E); }
yield_expr(A) ::= YIELD(T) FROM test(E).          { A = wf_b_yield_from(P, &T, E); }

test(A) ::= bexpr(E).                             { A = E; }
test(A) ::= bexpr(B) IF bexpr(C) ELSE test(D).    { A = wf_b_ifexp(P, B, C, D); }
test(A) ::= lambdef(E).                           { A = E; }

lambdef(A) ::= LAMBDA(T) COLON test(B).           { A = wf_b_lambda(P, &T, NULL, B); }
lambdef(A) ::= LAMBDA(T) lparams(L) COLON test(B). { A = wf_b_lambda(P, &T, L, B); }
lparams(A) ::= lplist(L).                         { A = wf_b_params(P, L); }
lparams(A) ::= lplist(L) COMMA.                   { A = wf_b_params(P, L); }
lplist(A) ::= lparam(B).                          { A = wf_b_seq(P, B); }
lplist(A) ::= lplist(X) COMMA lparam(B).          { A = wf_b_push(P, X, B); }
lparam(A) ::= NAME(N).                            { A = wf_b_param(P, &N, WF_PK_PLAIN, NULL, NULL); }
lparam(A) ::= NAME(N) EQUAL test(D).              { A = wf_b_param(P, &N, WF_PK_PLAIN, D, NULL); }
lparam(A) ::= STAR(S).                            { A = wf_b_param(P, NULL, WF_PK_STAR, NULL, &S); }
lparam(A) ::= STAR(S) NAME(N).                    { A = wf_b_param(P, &N, WF_PK_STAR, NULL, &S); }
lparam(A) ::= DOUBLESTAR(S) NAME(N).              { A = wf_b_param(P, &N, WF_PK_DSTAR, NULL, &S); }

/* or / and / not, then comparisons, then the binary operators: levels by
 * the precedence table above, which also keeps the parser's unit
 * reductions per atom few */
bexpr(A) ::= comparison(E).                       { A = E; }
bexpr(A) ::= bexpr(L) OR bexpr(R).                { A = wf_b_boolop(P, L, WF_OP_OR, R); }
bexpr(A) ::= bexpr(L) AND bexpr(R).               { A = wf_b_boolop(P, L, WF_OP_AND, R); }
bexpr(A) ::= NOT(T) bexpr(E).                     { A = wf_b_unary(P, &T, WF_OP_NOT, E); }
comparison(A) ::= expr(E).                        { A = E; }
comparison(A) ::= comp_chain(E).                  { A = E; }
comp_chain(A) ::= expr(L) compop(O) expr(R). [LESS] { A = wf_b_compare(P, L, O, R); }
comp_chain(A) ::= comp_chain(L) compop(O) expr(R). [LESS] { A = wf_b_compare(P, L, O, R); }

compop(A) ::= LESS.                               { A = WF_OP_LT; }
compop(A) ::= GREATER.                            { A = WF_OP_GT; }
compop(A) ::= EQEQUAL.                            { A = WF_OP_EQ; }
compop(A) ::= GREATEREQUAL.                       { A = WF_OP_GE; }
compop(A) ::= LESSEQUAL.                          { A = WF_OP_LE; }
compop(A) ::= NOTEQUAL.                           { A = WF_OP_NE; }
compop(A) ::= IN.                                 { A = WF_OP_IN; }
compop(A) ::= NOT IN.                             { A = WF_OP_NOT_IN; }
compop(A) ::= IS.                                 { A = WF_OP_IS; }
compop(A) ::= IS NOT.                             { A = WF_OP_IS_NOT; }

expr(A) ::= factor(E).                            { A = E; }
expr(A) ::= expr(L) VBAR expr(R).                 { A = wf_b_binop(P, L, WF_OP_BITOR, R); }
expr(A) ::= expr(L) CIRCUMFLEX expr(R).           { A = wf_b_binop(P, L, WF_OP_BITXOR, R); }
expr(A) ::= expr(L) AMPER expr(R).                { A = wf_b_binop(P, L, WF_OP_BITAND, R); }
expr(A) ::= expr(L) LEFTSHIFT expr(R).            { A = wf_b_binop(P, L, WF_OP_LSHIFT, R); }
expr(A) ::= expr(L) RIGHTSHIFT expr(R).           { A = wf_b_binop(P, L, WF_OP_RSHIFT, R); }
expr(A) ::= expr(L) PLUS expr(R).                 { A = wf_b_binop(P, L, WF_OP_ADD, R); }
expr(A) ::= expr(L) MINUS expr(R).                { A = wf_b_binop(P, L, WF_OP_SUB, R); }
expr(A) ::= expr(L) STAR expr(R).                 { A = wf_b_binop(P, L, WF_OP_MUL, R); }
expr(A) ::= expr(L) SLASH expr(R).                { A = wf_b_binop(P, L, WF_OP_TRUEDIV, R); }
expr(A) ::= expr(L) PERCENT expr(R).              { A = wf_b_binop(P, L, WF_OP_MOD, R); }
expr(A) ::= expr(L) DOUBLESLASH expr(R).          { A = wf_b_binop(P, L, WF_OP_FLOORDIV, R); }
expr(A) ::= expr(L) AT expr(R).                   { A = wf_b_binop(P, L, WF_OP_MATMUL, R); }
/* unary operators bind tighter than the binary ones and looser than a
 * power on their right: -2**2 == -(2**2), 2**-1 == 2**(-1) */
factor(A) ::= PLUS(T) factor(E).                  { A = wf_b_unary(P, &T, WF_OP_POS, E); }
factor(A) ::= MINUS(T) factor(E).                 { A = wf_b_unary(P, &T, WF_OP_NEG, E); }
factor(A) ::= TILDE(T) factor(E).                 { A = wf_b_unary(P, &T, WF_OP_INVERT, E); }
factor(A) ::= power(E).                           { A = E; }
power(A) ::= atom_expr(E).                        { A = E; }
power(A) ::= atom_expr(L) DOUBLESTAR factor(R).   { A = wf_b_binop(P, L, WF_OP_POW, R); }

atom_expr(A) ::= atom(E).                         { A = E; }
atom_expr(A) ::= atom_expr(F) LPAR(L) RPAR(R).    { A = wf_b_call(P, F, &L, NULL, &R); }
atom_expr(A) ::= atom_expr(F) LPAR(L) arglist(X) RPAR(R). { A = wf_b_call(P, F, &L, X, &R); }
atom_expr(A) ::= atom_expr(F) LSQB subscriptlist(S) RSQB(R). { A = wf_b_subscript(P, F, S, &R); }
atom_expr(A) ::= atom_expr(F) DOT NAME(N).        { A = wf_b_attr(P, F, &N); }

atom(A) ::= LPAR(L) RPAR(R).                      { A = wf_b_paren(P, &L, NULL, &R); }
atom(A) ::= LPAR(L) yield_expr(E) RPAR(R).        { A = wf_b_paren_yield(P, &L, E, &R); }
atom(A) ::= LPAR(L) tlc(E) RPAR(R).               { A = wf_b_paren(P, &L, E, &R); }
atom(A) ::= LPAR(L) tse(E) comp_for(C) RPAR(R).   { A = wf_b_display_comp(P, WF_E_GENEXP, &L, E, NULL, C, &R); }
atom(A) ::= LSQB(L) RSQB(R).                      { A = wf_b_display(P, WF_E_LIST, &L, NULL, &R); }
atom(A) ::= LSQB(L) tlc(E) RSQB(R).               { A = wf_b_display(P, WF_E_LIST, &L, E, &R); }
atom(A) ::= LSQB(L) tse(E) comp_for(C) RSQB(R).   { A = wf_b_display_comp(P, WF_E_LISTCOMP, &L, E, NULL, C, &R); }
atom(A) ::= LBRACE(L) RBRACE(R).                  { A = wf_b_dict_display(P, &L, NULL, &R); }
atom(A) ::= LBRACE(L) dict_items(D) RBRACE(R).    { A = wf_b_dict_display(P, &L, D, &R); }
atom(A) ::= LBRACE(L) dict_items(D) COMMA RBRACE(R). { A = wf_b_dict_display(P, &L, D, &R); }
atom(A) ::= LBRACE(L) set_items(S) RBRACE(R).     { A = wf_b_display(P, WF_E_SET, &L, S, &R); }
atom(A) ::= LBRACE(L) set_items(S) COMMA RBRACE(R). { A = wf_b_display(P, WF_E_SET, &L, S, &R); }
atom(A) ::= LBRACE(L) test(K) COLON test(V) comp_for(C) RBRACE(R). { A = wf_b_display_comp(P, WF_E_DICTCOMP, &L, K, V, C, &R); }
atom(A) ::= LBRACE(L) tse(E) comp_for(C) RBRACE(R). { A = wf_b_display_comp(P, WF_E_SETCOMP, &L, E, NULL, C, &R); }
atom(A) ::= NAME(T).                              { A = wf_b_name(P, &T); }
atom(A) ::= NUMBER(T).                            { A = wf_b_number(P, &T); }
atom(A) ::= strings(S).                           { A = wf_b_strings(P, S, &yyLookaheadToken); }
atom(A) ::= ELLIPSIS(T).                          { A = wf_b_const(P, WF_E_ELLIPSIS, &T); }
atom(A) ::= NONE(T).                              { A = wf_b_const(P, WF_E_NONE, &T); }
atom(A) ::= TRUE(T).                              { A = wf_b_const(P, WF_E_TRUE, &T); }
atom(A) ::= FALSE(T).                             { A = wf_b_const(P, WF_E_FALSE, &T); }

strings(A) ::= STRING(T).                         { A = wf_b_strlist(P, NULL, &T); }
strings(A) ::= strings(X) STRING(T).              { A = wf_b_strlist(P, X, &T); }

/* items of ( ) and [ ] without a comprehension */
tlc(A) ::= tse(E).                                { A = wf_b_seq(P, E); }
tlc(A) ::= tse(E) COMMA.                          { A = wf_b_mark_comma(wf_b_seq(P, E)); }
tlc(A) ::= tlc_items2(L).                         { A = L; }
tlc(A) ::= tlc_items2(L) COMMA.                   { A = L; }
tlc_items2(A) ::= tse(X) COMMA tse(Y).            { A = wf_b_mark_comma(wf_b_push(P, wf_b_seq(P, X), Y)); }
tlc_items2(A) ::= tlc_items2(L) COMMA tse(Y).     { A = wf_b_push(P, L, Y); }

/* items of { }: a WF_E_DICT being built, or a WfSeq of set items */
dict_items(A) ::= test(K) COLON test(V).          { A = wf_b_dict_item(P, NULL, K, V); }
dict_items(A) ::= DOUBLESTAR(S) expr(V).          { A = wf_b_dict_spread(P, NULL, &S, V); }
dict_items(A) ::= dict_items(D) COMMA test(K) COLON test(V). { A = wf_b_dict_item(P, D, K, V); }
dict_items(A) ::= dict_items(D) COMMA DOUBLESTAR(S) expr(V). { A = wf_b_dict_spread(P, D, &S, V); }
set_items(A) ::= tse(E).                          { A = wf_b_seq(P, E); }
set_items(A) ::= set_items(S) COMMA tse(E).       { A = wf_b_push(P, S, E); }

comp_for(A) ::= FOR(T) exprlist(X) IN bexpr(E).  { A = wf_b_seq(P, wf_b_comp_for(P, &T, X, E)); }
comp_for(A) ::= comp_for(C) FOR(T) exprlist(X) IN bexpr(E). { A = wf_b_push(P, C, wf_b_comp_for(P, &T, X, E)); }
comp_for(A) ::= comp_for(C) IF bexpr(E).          { A = wf_b_comp_if(P, C, E); }

/* call arguments: a WF_SEQ in source order, split by wf_b_call */
arglist(A) ::= args(L).                           { A = L; }
arglist(A) ::= args(L) COMMA.                     { A = wf_b_mark_comma(L); }
args(A) ::= argument(B).                          { A = wf_b_seq(P, B); }
args(A) ::= args(L) COMMA argument(B).            { A = wf_b_push(P, L, B); }
argument(A) ::= test(E).                          { A = E; }
argument(A) ::= test(E) comp_for(C).              { A = wf_b_arg_genexp(P, E, C); }
argument(A) ::= test(K) EQUAL(T) test(V).         { A = wf_b_arg_keyword(P, K, &T, V); }
argument(A) ::= test(K) EQUAL(T) test(V) comp_for. { A = wf_b_arg_keyword_genexp(P, K, &T, V); }
argument(A) ::= STAR(S) test(E).                  { A = wf_b_arg_star(P, &S, E, false); }
argument(A) ::= DOUBLESTAR(S) test(E).            { A = wf_b_arg_star(P, &S, E, true); }

/* subscripts: one index, or a tuple of them (slices allowed) */
subscriptlist(A) ::= subscript(E).                { A = E; }
subscriptlist(A) ::= subscript(E) COMMA(C).       { A = wf_b_subscript_index(P, wf_b_seq_end(P, wf_b_mark_comma(wf_b_seq(P, E)), &C)); }
subscriptlist(A) ::= sub_items2(L).               { A = wf_b_subscript_index(P, L); }
subscriptlist(A) ::= sub_items2(L) COMMA(C).      { A = wf_b_subscript_index(P, wf_b_seq_end(P, L, &C)); }
sub_items2(A) ::= subscript(X) COMMA subscript(Y). { A = wf_b_mark_comma(wf_b_push(P, wf_b_seq(P, X), Y)); }
sub_items2(A) ::= sub_items2(L) COMMA subscript(Y). { A = wf_b_push(P, L, Y); }
subscript(A) ::= test(E).                         { A = E; }
subscript(A) ::= star_expr(E).                    { A = E; }
subscript(A) ::= opt_test(L) COLON(C) opt_test(U). { A = wf_b_slice(P, L, &C, U, NULL, &yyLookaheadToken); }
subscript(A) ::= opt_test(L) COLON(C) opt_test(U) COLON opt_test(S). { A = wf_b_slice(P, L, &C, U, S, &yyLookaheadToken); }
opt_test(A) ::= .                                 { A = NULL; }
opt_test(A) ::= test(E).                          { A = E; }

%code {
/* ---- parser-stack helpers for parser.c ------------------------------ */

void *wf_lemon_alloc(void) { return wf_lemonAlloc(malloc); }
void wf_lemon_free(void *parser) { wf_lemonFree(parser, free); }
void wf_lemon_reset(void *parser) {
    wf_lemonFinalize(parser);
    wf_lemonInit(parser);
}
void wf_lemon_feed(void *parser, int major, WfTok tok, WfParser *p) {
    wf_lemon(parser, major, tok, p);
}

/* Would the parser, in its current state, shift token `major` (after any
 * reductions it causes)? Simulates the reductions on a copy of the state
 * numbers only; the real stack is untouched. */
bool wf_lemon_would_shift(void *parser, int major) {
    yyParser *ps = parser;
    YYACTIONTYPE extra[64];
    int nextra = 0;
    yyStackEntry *base = ps->yytos;
    YYACTIONTYPE act = base->stateno;
    for (;;) {
        act = yy_find_shift_action((YYCODETYPE)major, act);
        if (act >= YY_MIN_REDUCE) {
            unsigned rule = act - YY_MIN_REDUCE;
            int n = -yyRuleInfoNRhs[rule];
            if (n <= nextra) {
                nextra -= n;
            } else {
                base -= n - nextra;
                nextra = 0;
                if (base < ps->yystack) return false;
            }
            YYACTIONTYPE below = nextra ? extra[nextra - 1] : base->stateno;
            act = yy_find_reduce_action(below, yyRuleInfoLhs[rule]);
            if (nextra == (int)(sizeof extra / sizeof extra[0])) return false;
            extra[nextra++] = act;
        } else if (act <= YY_MAX_SHIFTREDUCE || act == YY_ACCEPT_ACTION) {
            return true;
        } else {
            return false;
        }
    }
}

/* The semantic value `depth` entries below the top when it is a
 * nonterminal: callers know from the grammar that it is a WfAst or a
 * WfSeq (both start with their kind). NULL for a token. */
void *wf_lemon_top_node(void *parser, int depth) {
    yyParser *ps = parser;
    yyStackEntry *e = ps->yytos - depth;
    if (e <= ps->yystack || e->major < YYNTOKEN) return NULL;
    void *n;
    memcpy(&n, &e->minor, sizeof n);
    return n;
}

int wf_lemon_top_major(void *parser, int depth) {
    yyParser *ps = parser;
    yyStackEntry *e = ps->yytos - depth;
    if (e <= ps->yystack) return -1;
    return e->major;
}
}
