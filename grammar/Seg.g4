// Seg, version 1: the grammar of ../shared/spec/LANGUAGE.md.
//
// Expressions are written as one rule per precedence level with loops rather
// than as one left-recursive rule: chains such as `a or b or c` then come out
// flat (no left-deep parse trees to recurse over), comparisons do not chain,
// and the middle operand of `between` cannot swallow the `and` that ends it.
grammar Seg;

file : declaration* EOF ;

declaration
  : importDecl
  | schemaDecl
  | segmentDecl
  | partitionDecl
  | testDecl
  ;

importDecl : IMPORT STRING ;

schemaDecl : SCHEMA identifier LBRACE fieldDecl* RBRACE ;
fieldDecl  : KEY? identifier COLON typeRef ;
typeRef
  : identifier (LPAREN typeArg (COMMA typeArg)* COMMA? RPAREN)?   # simpleType
  | identifier LT typeRef GT                                       # genericType
  ;
typeArg : INT | STRING ;

segmentDecl
  : SEGMENT identifier EQ expr                       # shortSegment
  | SEGMENT identifier LBRACE segmentItem* RBRACE     # blockSegment
  ;
segmentItem
  : DESCRIPTION STRING               # descriptionProperty
  | OWNER STRING                     # ownerProperty
  | TAGS listLiteral                 # tagsProperty
  | META identifier STRING           # metaProperty
  | WHERE expr                       # whereClause
  ;

partitionDecl : PARTITION identifier LBRACE partitionItem (COMMA partitionItem)* COMMA? RBRACE ;
partitionItem : ELSE? identifier ;

testDecl    : TEST STRING (AS OF DATE)? LBRACE givenClause* RBRACE ;
givenClause : GIVEN LBRACE (givenField (COMMA givenField)* COMMA?)? RBRACE
              EXPECT expectation (COMMA expectation)* ;
givenField  : identifier COLON constant ;
expectation : NOT? identifier ;

expr           : orExpr ;
orExpr         : andExpr (OR andExpr)* ;
andExpr        : notExpr (AND notExpr)* ;
notExpr        : NOT notExpr | predicate ;
predicate
  : additive (
        compareOp additive                              // comparison
      | BETWEEN additive AND additive                   // inclusive range
      | NOT? IN listLiteral                             // list membership
      | IS (MISSING | PRESENT)                          // presence test
      | CONTAINS (ANY | ALL) listLiteral                // set has any / all
      | CONTAINS additive                               // substring or set member
      | WITHIN period                                   // date window
    )?
  ;
compareOp      : EQ | NE | LT | LE | GT | GE ;
additive       : multiplicative ((PLUS | MINUS) multiplicative)* ;
multiplicative : unary ((STAR | SLASH) unary)* ;
unary          : MINUS unary | primary ;
primary
  : LPAREN expr RPAREN                                  # parenExpr
  | identifier LPAREN (expr (COMMA expr)*)? RPAREN      # callExpr
  | INT timeUnit AGO                                    # agoExpr
  | INT timeUnit                                        # durationExpr
  | TODAY                                               # todayExpr
  | literal                                             # literalExpr
  | identifier                                          # nameExpr
  ;
period
  : LAST INT timeUnit                                   # lastPeriod
  | NEXT INT timeUnit                                   # nextPeriod
  | THIS calendarUnit                                   # thisPeriod
  | PREVIOUS calendarUnit                               # previousPeriod
  ;
timeUnit     : DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS ;
calendarUnit : WEEK | MONTH | YEAR ;

// Literals inside expressions are unsigned: `-5` there is negation.
literal
  : INT                                                 # intLiteral
  | DECIMAL                                             # decimalLiteral
  | STRING                                              # stringLiteral
  | DATE                                                # dateLiteral
  | (TRUE | FALSE)                                      # boolLiteral
  ;
// A constant: a list element or a test value; numbers may carry a sign.
constant    : MINUS? literal | listLiteral ;
listLiteral : LBRACKET (constant (COMMA constant)* COMMA?)? RBRACKET ;

identifier : IDENT ;

// ---- lexer ----------------------------------------------------------------
SCHEMA: 'schema'; KEY: 'key'; SEGMENT: 'segment'; WHERE: 'where';
DESCRIPTION: 'description'; OWNER: 'owner'; TAGS: 'tags'; META: 'meta';
IMPORT: 'import'; PARTITION: 'partition'; ELSE: 'else'; TEST: 'test';
GIVEN: 'given'; EXPECT: 'expect'; AS: 'as'; OF: 'of';
AND: 'and'; OR: 'or'; NOT: 'not'; IN: 'in'; BETWEEN: 'between';
IS: 'is'; MISSING: 'missing'; PRESENT: 'present'; CONTAINS: 'contains';
ANY: 'any'; ALL: 'all'; WITHIN: 'within'; LAST: 'last'; NEXT: 'next';
THIS: 'this'; PREVIOUS: 'previous'; AGO: 'ago'; TODAY: 'today';
TRUE: 'true'; FALSE: 'false';
DAY: 'day'; DAYS: 'days'; WEEK: 'week'; WEEKS: 'weeks';
MONTH: 'month'; MONTHS: 'months'; YEAR: 'year'; YEARS: 'years';

EQ: '='; NE: '!='; LE: '<='; GE: '>='; LT: '<'; GT: '>'; DOUBLE_EQ: '==';
PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/';
LPAREN: '('; RPAREN: ')'; LBRACKET: '['; RBRACKET: ']'; LBRACE: '{'; RBRACE: '}';
COMMA: ','; COLON: ':';

// Four or more year digits: a five-digit year is a date out of range (E0106),
// not the subtraction 10000 - 01 - 01.
DATE: DIGIT DIGIT DIGIT DIGIT DIGIT* '-' DIGIT DIGIT '-' DIGIT DIGIT;
DECIMAL: DIGITS '.' DIGITS;
INT: DIGITS;
STRING: '"' (ESCAPE | ~["\\\r\n])* '"';
UNTERMINATED_STRING: '"' (ESCAPE | ~["\\\r\n])*;
IDENT: [\p{L}_] [\p{L}\p{Nd}_]*;

COMMENT: '#' ~[\r\n]* -> channel(2);
WS: [ \t\r\n\f]+ -> skip;
UNEXPECTED_CHAR: .;

fragment DIGIT: [0-9];
fragment DIGITS: DIGIT ('_'? DIGIT)*;
fragment ESCAPE: '\\' .;
