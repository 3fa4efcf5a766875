/* lex.re: edit this file, not the generated C.
 * The re2c scanner behind lexer.c: recognises one raw token (keyword,
 * identifier, operator, newline, comment, continuation) at lx->cur and
 * returns its lemon TK_* code or a WF_RAW_* code from lexer.h. Numbers and
 * string bodies are only recognised here by their first bytes; lexer.c
 * scans the rest by hand so its error messages and positions follow
 * CPython's tokenizer exactly. The buffer ends with a NUL sentinel and
 * holds no other NUL (wf_lexer_init rejects those), so no rule can read
 * past it. */
#include "lexer.h"
#include "parse.h"

int wf_lex_scan(WfLexer *lx, const char **start) {
    const unsigned char *YYCURSOR = (const unsigned char *)lx->cur;
    const unsigned char *YYMARKER = YYCURSOR;
    int tok;
    for (;;) {
        *start = (const char *)YYCURSOR;
        /*!re2c
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:indent:top = 2;

        ascii_id = [a-zA-Z_] [a-zA-Z0-9_]*;
        any_id = [a-zA-Z_\x80-\xff] [a-zA-Z0-9_\x80-\xff]*;
        prefix = [rRuUbBfF] | [rR][bBfF] | [bBfF][rR];

        "\x00"      { YYCURSOR--; tok = WF_RAW_EOF; break; }
        [ \t\f]+    { continue; }
        "\n"        { tok = WF_RAW_NL; break; }
        "#" [^\n\x00]* { tok = WF_RAW_COMMENT; break; }
        "\\\n"      { tok = WF_RAW_CONT; break; }
        "\\"        { tok = WF_RAW_BADCONT; break; }

        "False"     { tok = TK_FALSE; break; }
        "None"      { tok = TK_NONE; break; }
        "True"      { tok = TK_TRUE; break; }
        "and"       { tok = TK_AND; break; }
        "as"        { tok = TK_AS; break; }
        "assert"    { tok = TK_ASSERT; break; }
        "async"     { tok = TK_ASYNC; break; }
        "await"     { tok = TK_AWAIT; break; }
        "break"     { tok = TK_BREAK; break; }
        "class"     { tok = TK_CLASS; break; }
        "continue"  { tok = TK_CONTINUE; break; }
        "def"       { tok = TK_DEF; break; }
        "del"       { tok = TK_DEL; break; }
        "elif"      { tok = TK_ELIF; break; }
        "else"      { tok = TK_ELSE; break; }
        "except"    { tok = TK_EXCEPT; break; }
        "finally"   { tok = TK_FINALLY; break; }
        "for"       { tok = TK_FOR; break; }
        "from"      { tok = TK_FROM; break; }
        "global"    { tok = TK_GLOBAL; break; }
        "if"        { tok = TK_IF; break; }
        "import"    { tok = TK_IMPORT; break; }
        "in"        { tok = TK_IN; break; }
        "is"        { tok = TK_IS; break; }
        "lambda"    { tok = TK_LAMBDA; break; }
        "nonlocal"  { tok = TK_NONLOCAL; break; }
        "not"       { tok = TK_NOT; break; }
        "or"        { tok = TK_OR; break; }
        "pass"      { tok = TK_PASS; break; }
        "raise"     { tok = TK_RAISE; break; }
        "return"    { tok = TK_RETURN; break; }
        "try"       { tok = TK_TRY; break; }
        "while"     { tok = TK_WHILE; break; }
        "with"      { tok = TK_WITH; break; }
        "yield"     { tok = TK_YIELD; break; }
        ascii_id    { tok = TK_NAME; break; }
        any_id      { tok = WF_RAW_UNAME; break; }

        prefix? ["'] { tok = WF_RAW_STRING; break; }
        [0-9] | "." [0-9] { tok = WF_RAW_NUMBER; break; }

        "("   { tok = TK_LPAR; break; }
        ")"   { tok = TK_RPAR; break; }
        "["   { tok = TK_LSQB; break; }
        "]"   { tok = TK_RSQB; break; }
        "{"   { tok = TK_LBRACE; break; }
        "}"   { tok = TK_RBRACE; break; }
        ":"   { tok = TK_COLON; break; }
        ":="  { tok = TK_COLONEQUAL; break; }
        ","   { tok = TK_COMMA; break; }
        ";"   { tok = TK_SEMI; break; }
        "+"   { tok = TK_PLUS; break; }
        "-"   { tok = TK_MINUS; break; }
        "*"   { tok = TK_STAR; break; }
        "/"   { tok = TK_SLASH; break; }
        "|"   { tok = TK_VBAR; break; }
        "&"   { tok = TK_AMPER; break; }
        "<"   { tok = TK_LESS; break; }
        ">"   { tok = TK_GREATER; break; }
        "="   { tok = TK_EQUAL; break; }
        "."   { tok = TK_DOT; break; }
        "%"   { tok = TK_PERCENT; break; }
        "=="  { tok = TK_EQEQUAL; break; }
        "!="  { tok = TK_NOTEQUAL; break; }
        "<="  { tok = TK_LESSEQUAL; break; }
        ">="  { tok = TK_GREATEREQUAL; break; }
        "~"   { tok = TK_TILDE; break; }
        "^"   { tok = TK_CIRCUMFLEX; break; }
        "<<"  { tok = TK_LEFTSHIFT; break; }
        ">>"  { tok = TK_RIGHTSHIFT; break; }
        "**"  { tok = TK_DOUBLESTAR; break; }
        "+="  { tok = TK_PLUSEQUAL; break; }
        "-="  { tok = TK_MINEQUAL; break; }
        "*="  { tok = TK_STAREQUAL; break; }
        "/="  { tok = TK_SLASHEQUAL; break; }
        "%="  { tok = TK_PERCENTEQUAL; break; }
        "&="  { tok = TK_AMPEREQUAL; break; }
        "|="  { tok = TK_VBAREQUAL; break; }
        "^="  { tok = TK_CIRCUMFLEXEQUAL; break; }
        "<<=" { tok = TK_LEFTSHIFTEQUAL; break; }
        ">>=" { tok = TK_RIGHTSHIFTEQUAL; break; }
        "**=" { tok = TK_DOUBLESTAREQUAL; break; }
        "//"  { tok = TK_DOUBLESLASH; break; }
        "//=" { tok = TK_DOUBLESLASHEQUAL; break; }
        "@"   { tok = TK_AT; break; }
        "@="  { tok = TK_ATEQUAL; break; }
        "->"  { tok = TK_RARROW; break; }
        "..." { tok = TK_ELLIPSIS; break; }
        "<>"  { tok = TK_BADCHAR; break; }
        *     { tok = WF_RAW_BAD; break; }
        */
    }
    (void)YYMARKER;
    lx->cur = (const char *)YYCURSOR;
    return tok;
}
