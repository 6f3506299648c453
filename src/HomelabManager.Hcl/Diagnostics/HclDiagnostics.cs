using System.Globalization;
using HomelabManager.Hcl.Text;

namespace HomelabManager.Hcl.Diagnostics;

/// <summary>
/// Every diagnostic the HCL library can produce, one factory per diagnostic, each with a stable code:
/// <c>HCL1xx</c> lexing and string literals, <c>HCL2xx</c> parsing, <c>HCL3xx</c> evaluation,
/// <c>HCL4xx</c> JSON conversion.
/// </summary>
public static class HclDiagnostics
{
    private static Diagnostic E(string code, string summary, string detail, string path, SourceRange range) =>
        Diagnostic.Error(code, summary, detail, path, range);

    private static string F(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    // ---- HCL1xx: lexing and string literals ----

    /// <summary>A character that has no meaning in HCL.</summary>
    public static Diagnostic InvalidCharacter(string path, SourceRange range) =>
        E("HCL101", "Invalid character", "This character is not used within the language. Remove it, or put it inside a quoted string.", path, range);

    /// <summary>A typographic (curly) quote.</summary>
    public static Diagnostic CurlyQuote(string path, SourceRange range) =>
        E("HCL102", "Invalid character", "\"Curly quotes\" are not valid here. These can sometimes be inadvertently introduced when sharing code via documents or discussion forums. Replace the character with a \"straight quote\".", path, range);

    /// <summary>A backtick.</summary>
    public static Diagnostic Backtick(string path, SourceRange range) =>
        E("HCL103", "Invalid character", "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like \"<<EOT\".", path, range);

    /// <summary>A single quote.</summary>
    public static Diagnostic SingleQuote(string path, SourceRange range) =>
        E("HCL104", "Invalid character", "Single quotes are not valid. Use double quotes (\") to enclose strings.", path, range);

    /// <summary>A semicolon.</summary>
    public static Diagnostic Semicolon(string path, SourceRange range) =>
        E("HCL105", "Invalid character", "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate items in collection values.", path, range);

    /// <summary>A bitwise operator (&amp;, |, ^, ~).</summary>
    public static Diagnostic BitwiseOperator(string path, SourceRange range, string suggestion) =>
        E("HCL106", "Unsupported operator", "Bitwise operators are not supported." + suggestion, path, range);

    /// <summary>The ** operator.</summary>
    public static Diagnostic ExponentOperator(string path, SourceRange range) =>
        E("HCL107", "Unsupported operator", "\"**\" is not a supported operator. Exponentiation is not supported as an operator; use the pow function instead.", path, range);

    /// <summary>A U+FFFD replacement character, the trace of bytes that were not valid UTF-8.</summary>
    public static Diagnostic InvalidEncoding(string path, SourceRange range) =>
        E("HCL108", "Invalid character encoding", "All input files must be UTF-8 encoded. Ensure that UTF-8 encoding is selected in your editor.", path, range);

    /// <summary>A newline inside a quoted string.</summary>
    public static Diagnostic InvalidMultiLineString(string path, SourceRange range) =>
        E("HCL109", "Invalid multi-line string", "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n escape to represent a newline character or use the \"heredoc\" multi-line template syntax.", path, range);

    /// <summary>A backslash with nothing after it.</summary>
    public static Diagnostic EscapeMissingSelector(string path, SourceRange range) =>
        E("HCL110", "Invalid escape sequence", "Backslash must be followed by an escape sequence selector character. To include a literal backslash, write \\\\.", path, range);

    /// <summary>\u without four hex digits.</summary>
    public static Diagnostic EscapeNeedsFourHexDigits(string path, SourceRange range) =>
        E("HCL111", "Invalid escape sequence", "The \\u escape sequence must be followed by four hexadecimal digits.", path, range);

    /// <summary>\U without eight hex digits.</summary>
    public static Diagnostic EscapeNeedsEightHexDigits(string path, SourceRange range) =>
        E("HCL112", "Invalid escape sequence", "The \\U escape sequence must be followed by eight hexadecimal digits.", path, range);

    /// <summary>A \u or \U escape naming something that is not a Unicode scalar value.</summary>
    public static Diagnostic EscapeCannotEncode(string path, SourceRange range, uint codePoint) =>
        E("HCL113", "Invalid escape sequence", F("Cannot encode character U+{0:x4} in UTF-8. Use a code point between U+0000 and U+10FFFF that is not a surrogate.", codePoint), path, range);

    /// <summary>A backslash followed by an unknown selector.</summary>
    public static Diagnostic EscapeInvalidSelector(string path, SourceRange range, string symbol) =>
        E("HCL114", "Invalid escape sequence", F("The symbol \"{0}\" is not a valid escape sequence selector. Valid escapes are \\n, \\r, \\t, \\\", \\\\, \\uNNNN and \\UNNNNNNNN.", symbol), path, range);

    /// <summary>A number literal whose exponent is too large to represent.</summary>
    public static Diagnostic NumberOutOfRange(string path, SourceRange range) =>
        E("HCL115", "Invalid number literal", "The exponent of this number is too large. Write the number with an exponent between -100000 and 100000.", path, range);

    /// <summary>A number token that is not a number, like 1.2.3 (digits, dots and exponents scan as one token).</summary>
    public static Diagnostic InvalidNumberLiteral(string path, SourceRange range) =>
        E("HCL116", "Invalid number literal", "Failed to recognize the value of this number literal. Write a number like 12, 3.5 or 1e6; quote a version number: \"1.2.3\".", path, range);

    // ---- HCL2xx: structure ----

    /// <summary>A quoted argument name.</summary>
    public static Diagnostic QuotedArgumentName(string path, SourceRange range) =>
        E("HCL201", "Invalid argument name", "Argument names must not be quoted. Remove the quotes around the name.", path, range);

    /// <summary>A block whose closing brace is missing.</summary>
    public static Diagnostic UnclosedBlock(string path, SourceRange range) =>
        E("HCL202", "Unclosed configuration block", "There is no closing brace for this block before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", path, range);

    /// <summary>Something that is neither an argument nor a block where one is expected.</summary>
    public static Diagnostic ArgumentOrBlockRequired(string path, SourceRange range) =>
        E("HCL203", "Argument or block definition required", "An argument or block definition is required here.", path, range);

    /// <summary>A name not followed by "=" or a block header.</summary>
    public static Diagnostic ArgumentOrBlockRequiredUseEquals(string path, SourceRange range) =>
        E("HCL204", "Argument or block definition required", "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to introduce the argument value.", path, range);

    /// <summary>A nested block inside a single-line block.</summary>
    public static Diagnostic SingleLineBlockNeedsArgument(string path, SourceRange range, string name) =>
        E("HCL205", "Argument definition required", F("A single-line block definition can contain only a single argument. If you meant to define argument \"{0}\", use an equals sign to assign it a value. To define a nested block, place it on a line of its own within its parent block.", name), path, range);

    /// <summary>The same argument set twice in one body.</summary>
    public static Diagnostic AttributeRedefined(string path, SourceRange range, string name, SourceRange previous) =>
        E("HCL206", "Attribute redefined", F("The argument \"{0}\" was already set at {1}:{2}. Each argument may be set only once.", name, previous.Start.Line, previous.Start.Column), path, range);

    /// <summary>Something after an argument on the same line.</summary>
    public static Diagnostic MissingNewlineAfterArgument(string path, SourceRange range) =>
        E("HCL207", "Missing newline after argument", "An argument definition must end with a newline.", path, range);

    /// <summary>A comma after an argument.</summary>
    public static Diagnostic CommaAfterArgument(string path, SourceRange range) =>
        E("HCL208", "Unexpected comma after argument", "Argument definitions must be separated by newlines, not commas. An argument definition must end with a newline.", path, range);

    /// <summary>A block header containing "=".</summary>
    public static Diagnostic BlockWithEquals(string path, SourceRange range) =>
        E("HCL209", "Invalid block definition", "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.", path, range);

    /// <summary>A block header not followed by "{" on the same line.</summary>
    public static Diagnostic BlockBraceOnNextLine(string path, SourceRange range) =>
        E("HCL210", "Invalid block definition", "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line as the block header.", path, range);

    /// <summary>A block header with something that is neither a label nor "{".</summary>
    public static Diagnostic InvalidBlockLabel(string path, SourceRange range) =>
        E("HCL211", "Invalid block definition", "Either a quoted string block label or an opening brace (\"{\") is expected here.", path, range);

    /// <summary>A comma inside a single-line block.</summary>
    public static Diagnostic SingleLineBlockComma(string path, SourceRange range) =>
        E("HCL212", "Invalid single-argument block definition", "Single-line block syntax can include only one argument definition. To define multiple arguments, use the multi-line block syntax with one argument definition per line.", path, range);

    /// <summary>A single-line block not closed on its line.</summary>
    public static Diagnostic SingleLineBlockNewline(string path, SourceRange range) =>
        E("HCL213", "Invalid single-argument block definition", "An argument definition on the same line as its containing block creates a single-line block definition, which must also be closed on the same line. Place the block's closing brace immediately after the argument definition.", path, range);

    /// <summary>Something other than "}" after the argument of a single-line block.</summary>
    public static Diagnostic SingleLineBlockUnclosed(string path, SourceRange range) =>
        E("HCL214", "Invalid single-argument block definition", "A single-line block definition must end with a closing brace immediately after its single argument definition.", path, range);

    /// <summary>Something after a block's closing brace on the same line.</summary>
    public static Diagnostic MissingNewlineAfterBlock(string path, SourceRange range) =>
        E("HCL215", "Missing newline after block definition", "A block definition must end with a newline.", path, range);

    /// <summary>A template sequence in a block label.</summary>
    public static Diagnostic TemplateInLabel(string path, SourceRange range, string which) =>
        E("HCL216", "Invalid string literal", F("Template sequences are not allowed in this string. To include a literal \"{0}\", double it (as \"{0}{0}\") to escape it.", which), path, range);

    /// <summary>A quoted label without its closing quote.</summary>
    public static Diagnostic UnterminatedStringLiteral(string path, SourceRange range) =>
        E("HCL217", "Unterminated string literal", "Unable to find the closing quote mark before the end of the file. Add the missing \".", path, range);

    /// <summary>Something that cannot appear in a quoted label.</summary>
    public static Diagnostic InvalidStringLiteralItem(string path, SourceRange range) =>
        E("HCL218", "Invalid string literal", "This item is not valid in a string literal. Close the string on the same line.", path, range);

    // ---- HCL22x: expressions ----

    /// <summary>A conditional without ": false-result".</summary>
    public static Diagnostic MissingFalseExpression(string path, SourceRange range) =>
        E("HCL220", "Missing false expression in conditional", "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", path, range);

    /// <summary>A dot not followed by a name.</summary>
    public static Diagnostic InvalidAttributeName(string path, SourceRange range) =>
        E("HCL221", "Invalid attribute name", "An attribute name is required after a dot.", path, range);

    /// <summary>A splat inside an attribute-only splat.</summary>
    public static Diagnostic NestedSplat(string path, SourceRange range) =>
        E("HCL222", "Nested splat expression not allowed", "A splat expression (*) cannot be used inside another attribute-only splat expression. Use the full splat [*] instead.", path, range);

    /// <summary>Legacy index syntax like foo.0.1.</summary>
    public static Diagnostic InvalidLegacyIndex(string path, SourceRange range, string first, string second) =>
        E("HCL223", "Invalid legacy index syntax", F("When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index syntax instead, like [{0}][{1}].", first, second), path, range);

    /// <summary>[* not followed by ].</summary>
    public static Diagnostic MissingSplatCloseBracket(string path, SourceRange range) =>
        E("HCL224", "Missing close bracket on splat index", "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").", path, range);

    /// <summary>An index without ].</summary>
    public static Diagnostic MissingIndexCloseBracket(string path, SourceRange range) =>
        E("HCL225", "Missing close bracket on index", "The index operator must end with a closing bracket (\"]\").", path, range);

    /// <summary>A parenthesised expression without ).</summary>
    public static Diagnostic UnbalancedParentheses(string path, SourceRange range) =>
        E("HCL226", "Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.", path, range);

    /// <summary>The file ends where an expression should start.</summary>
    public static Diagnostic MissingExpression(string path, SourceRange range) =>
        E("HCL227", "Missing expression", "Expected the start of an expression, but found the end of the file.", path, range);

    /// <summary>A token that cannot start an expression.</summary>
    public static Diagnostic InvalidExpression(string path, SourceRange range) =>
        E("HCL228", "Invalid expression", "Expected the start of an expression, but found an invalid expression token.", path, range);

    /// <summary>:: not followed by a name.</summary>
    public static Diagnostic MissingFunctionName(string path, SourceRange range) =>
        E("HCL229", "Missing function name", "Function scope resolution symbol :: must be followed by a function name in this scope.", path, range);

    /// <summary>A namespaced function name not followed by (.</summary>
    public static Diagnostic MissingOpenParenthesis(string path, SourceRange range) =>
        E("HCL230", "Missing open parenthesis", "Function selector must be followed by an open parenthesis to begin the function call.", path, range);

    /// <summary>An expanded argument (...) that is not last.</summary>
    public static Diagnostic ExpandedArgumentNotLast(string path, SourceRange range) =>
        E("HCL231", "Missing closing parenthesis", "An expanded function argument (with ...) must be immediately followed by closing parentheses.", path, range);

    /// <summary>A function call without ).</summary>
    public static Diagnostic UnterminatedFunctionCall(string path, SourceRange range) =>
        E("HCL232", "Unterminated function call", "There is no closing parenthesis for this function call before the end of the file. This may be caused by incorrect parenthesis nesting elsewhere in this file.", path, range);

    /// <summary>Two arguments without a comma.</summary>
    public static Diagnostic MissingArgumentSeparator(string path, SourceRange range) =>
        E("HCL233", "Missing argument separator", "A comma is required to separate each function argument from the next.", path, range);

    /// <summary>A tuple without ].</summary>
    public static Diagnostic UnterminatedTuple(string path, SourceRange range) =>
        E("HCL234", "Unterminated tuple constructor expression", "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect bracket nesting elsewhere in this file.", path, range);

    /// <summary>Two tuple items without a comma.</summary>
    public static Diagnostic MissingItemSeparator(string path, SourceRange range) =>
        E("HCL235", "Missing item separator", "Expected a comma to mark the beginning of the next item.", path, range);

    /// <summary>An object key without a value.</summary>
    public static Diagnostic MissingAttributeValue(string path, SourceRange range) =>
        E("HCL236", "Missing attribute value", "Expected an attribute value, introduced by an equals sign (\"=\").", path, range);

    /// <summary>An object key followed by a name instead of "=".</summary>
    public static Diagnostic MissingKeyValueSeparatorName(string path, SourceRange range) =>
        E("HCL237", "Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an attribute name containing periods or spaces, write the name in quotes to create a string literal.", path, range);

    /// <summary>An object key followed by something other than "=".</summary>
    public static Diagnostic MissingKeyValueSeparator(string path, SourceRange range) =>
        E("HCL238", "Missing key/value separator", "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", path, range);

    /// <summary>An object without }.</summary>
    public static Diagnostic UnterminatedObject(string path, SourceRange range) =>
        E("HCL239", "Unterminated object constructor expression", "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace nesting elsewhere in this file.", path, range);

    /// <summary>Two object items without a newline or comma.</summary>
    public static Diagnostic MissingAttributeSeparator(string path, SourceRange range) =>
        E("HCL240", "Missing attribute separator", "Expected a newline or comma to mark the beginning of the next attribute.", path, range);

    /// <summary>for without a variable name.</summary>
    public static Diagnostic ForMissingVariable(string path, SourceRange range) =>
        E("HCL241", "Invalid 'for' expression", "For expression requires variable name after 'for'.", path, range);

    /// <summary>for k, without a value variable.</summary>
    public static Diagnostic ForMissingValueVariable(string path, SourceRange range) =>
        E("HCL242", "Invalid 'for' expression", "For expression requires value variable name after comma.", path, range);

    /// <summary>for without in.</summary>
    public static Diagnostic ForMissingIn(string path, SourceRange range) =>
        E("HCL243", "Invalid 'for' expression", "For expression requires the 'in' keyword after its name declarations.", path, range);

    /// <summary>for without the colon after the collection.</summary>
    public static Diagnostic ForMissingColon(string path, SourceRange range) =>
        E("HCL244", "Invalid 'for' expression", "For expression requires a colon after the collection expression.", path, range);

    /// <summary>Extra tokens at the end of a for expression.</summary>
    public static Diagnostic ForExtraCharacters(string path, SourceRange range) =>
        E("HCL245", "Invalid 'for' expression", "Extra characters after the end of the 'for' expression.", path, range);

    /// <summary>A key expression in a tuple for.</summary>
    public static Diagnostic ForKeyInTuple(string path, SourceRange range) =>
        E("HCL246", "Invalid 'for' expression", "Key expression is not valid when building a tuple.", path, range);

    /// <summary>A grouping ... in a tuple for.</summary>
    public static Diagnostic ForGroupingInTuple(string path, SourceRange range) =>
        E("HCL247", "Invalid 'for' expression", "Grouping ellipsis (...) cannot be used when building a tuple.", path, range);

    /// <summary>An object for without key =>.</summary>
    public static Diagnostic ForKeyRequired(string path, SourceRange range) =>
        E("HCL248", "Invalid 'for' expression", "Key expression is required when building an object.", path, range);

    /// <summary>Too much nesting.</summary>
    public static Diagnostic NestingTooDeep(string path, SourceRange range) =>
        E("HCL249", "Nesting too deep", "This expression or block is nested too deeply to be processed. Simplify the configuration.", path, range);

    // ---- HCL25x-26x: templates ----

    /// <summary>${ without } before the end of the file.</summary>
    public static Diagnostic UnclosedInterpolation(string path, SourceRange range) =>
        E("HCL250", "Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the file. This might be caused by incorrect nesting inside the given expression.", path, range);

    /// <summary>${ without } before the closing quote.</summary>
    public static Diagnostic UnclosedInterpolationInQuotes(string path, SourceRange range) =>
        E("HCL251", "Unclosed template interpolation sequence", "There is no closing brace for this interpolation sequence before the end of the quoted template. This might be caused by incorrect nesting inside the given expression.", path, range);

    /// <summary>A colon after an interpolation expression.</summary>
    public static Diagnostic InterpolationColon(string path, SourceRange range) =>
        E("HCL252", "Extra characters after interpolation expression", "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal sequence to be processed as part of another language? If so, you can escape it by starting with \"$${\" instead of just \"${\".", path, range);

    /// <summary>Extra tokens after an interpolation expression.</summary>
    public static Diagnostic InterpolationExtraCharacters(string path, SourceRange range) =>
        E("HCL253", "Extra characters after interpolation expression", "Expected a closing brace to end the interpolation expression, but found extra characters. If this is an embedded sequence for another language, escape it by starting with \"$${\" instead of just \"${\".", path, range);

    /// <summary>%{ without a keyword.</summary>
    public static Diagnostic InvalidTemplateDirective(string path, SourceRange range) =>
        E("HCL254", "Invalid template directive", "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.", path, range);

    /// <summary>%{ for without a name.</summary>
    public static Diagnostic ForDirectiveMissingVariable(string path, SourceRange range) =>
        E("HCL255", "Invalid 'for' directive", "For directive requires variable name after 'for'.", path, range);

    /// <summary>%{ for k, without a value name.</summary>
    public static Diagnostic ForDirectiveMissingValueVariable(string path, SourceRange range) =>
        E("HCL256", "Invalid 'for' directive", "For directive requires value variable name after comma.", path, range);

    /// <summary>%{ for without in.</summary>
    public static Diagnostic ForDirectiveMissingIn(string path, SourceRange range) =>
        E("HCL257", "Invalid 'for' directive", "For directive requires 'in' keyword after names.", path, range);

    /// <summary>An unknown %{ keyword.</summary>
    public static Diagnostic InvalidTemplateKeyword(string path, SourceRange range, string given, string? suggestion) =>
        E("HCL258", "Invalid template control keyword", F("\"{0}\" is not a valid template control keyword.{1}", given, suggestion is null ? " Use if, else, endif, for or endfor." : F(" Did you mean \"{0}\"?", suggestion)), path, range);

    /// <summary>Extra tokens in a directive.</summary>
    public static Diagnostic DirectiveExtraCharacters(string path, SourceRange range, string keyword) =>
        E("HCL259", F("Extra characters in {0} marker", keyword), "Expected a closing brace to end the sequence, but found extra characters.", path, range);

    /// <summary>A template without its closing marker.</summary>
    public static Diagnostic UnterminatedTemplateString(string path, SourceRange range) =>
        E("HCL260", "Unterminated template string", "No closing marker was found for the string. Add the closing quote or heredoc marker.", path, range);

    /// <summary>A token that does not belong in a template.</summary>
    public static Diagnostic UnexpectedTemplateToken(string path, SourceRange range) =>
        E("HCL261", "Invalid template", "This token is not valid inside a template. Escape it or close the template first.", path, range);

    /// <summary>An else/endif/endfor without an opener.</summary>
    public static Diagnostic UnexpectedDirective(string path, SourceRange range, string name) =>
        E("HCL262", F("Unexpected {0} directive", name), "The control directives within this template are unbalanced.", path, range);

    /// <summary>An if directive without endif.</summary>
    public static Diagnostic IfMissingEndif(string path, SourceRange range, SourceRange ifRange) =>
        E("HCL263", "Unexpected end of template", F("The if directive at {0}:{1} is missing its corresponding endif directive.", ifRange.Start.Line, ifRange.Start.Column), path, range);

    /// <summary>A second else.</summary>
    public static Diagnostic UnexpectedElse(string path, SourceRange range, SourceRange ifRange) =>
        E("HCL264", "Unexpected else directive", F("Already in the else clause for the if started at {0}:{1}.", ifRange.Start.Line, ifRange.Start.Column), path, range);

    /// <summary>An endfor inside an if.</summary>
    public static Diagnostic ExpectedEndif(string path, SourceRange range, string name, SourceRange ifRange) =>
        E("HCL265", F("Unexpected {0} directive", name), F("Expecting an endif directive for the if started at {0}:{1}.", ifRange.Start.Line, ifRange.Start.Column), path, range);

    /// <summary>A for directive without endfor.</summary>
    public static Diagnostic ForMissingEndfor(string path, SourceRange range, SourceRange forRange) =>
        E("HCL266", "Unexpected end of template", F("The for directive at {0}:{1} is missing its corresponding endfor directive.", forRange.Start.Line, forRange.Start.Column), path, range);

    /// <summary>else/endif inside a for.</summary>
    public static Diagnostic ExpectedEndfor(string path, SourceRange range, string name, SourceRange forRange) =>
        E("HCL267", F("Unexpected {0} directive", name), F("Expecting an endfor directive corresponding to the for directive at {0}:{1}.", forRange.Start.Line, forRange.Start.Column), path, range);

    // ---- HCL3xx: evaluation ----

    /// <summary>A reference where no variables exist.</summary>
    public static Diagnostic VariablesNotAllowed(string path, SourceRange range) =>
        E("HCL301", "Variables not allowed", "Variables may not be used here. Replace the reference with a literal value.", path, range);

    /// <summary>A reference to a variable the context does not have.</summary>
    public static Diagnostic UnknownVariable(string path, SourceRange range, string name) =>
        E("HCL302", "Unknown variable", F("There is no variable named \"{0}\". Check the spelling or define the variable.", name), path, range);

    /// <summary>A function call where no functions exist.</summary>
    public static Diagnostic FunctionCallsNotAllowed(string path, SourceRange range) =>
        E("HCL303", "Function calls not allowed", "Functions may not be called here. Replace the call with a literal value.", path, range);

    /// <summary>A call of a function the context does not have.</summary>
    public static Diagnostic UnknownFunction(string path, SourceRange range, string name) =>
        E("HCL304", "Call to unknown function", F("There is no function named \"{0}\". Check the spelling of the function name.", name), path, range);

    /// <summary>An operand of the wrong type.</summary>
    public static Diagnostic InvalidOperand(string path, SourceRange range, string expected, string actual) =>
        E("HCL305", "Invalid operand", F("A {0} value is required here, but a {1} was given. Convert the value or use an operand of the right type.", expected, actual), path, range);

    /// <summary>Division or modulo by zero.</summary>
    public static Diagnostic DivisionByZero(string path, SourceRange range) =>
        E("HCL306", "Division by zero", "The right-hand operand of a division or modulo must not be zero.", path, range);

    /// <summary>An attribute that does not exist.</summary>
    public static Diagnostic UnsupportedAttribute(string path, SourceRange range, string name) =>
        E("HCL307", "Unsupported attribute", F("This value does not have an attribute named \"{0}\". Check the attribute name.", name), path, range);

    /// <summary>An index that cannot be applied.</summary>
    public static Diagnostic InvalidIndex(string path, SourceRange range, string reason) =>
        E("HCL308", "Invalid index", reason, path, range);

    /// <summary>An expression the evaluator does not support.</summary>
    public static Diagnostic UnsupportedExpression(string path, SourceRange range) =>
        E("HCL309", "Unsupported expression", "This kind of expression cannot be evaluated here. Use a literal value instead.", path, range);

    /// <summary>An expression too deep to evaluate.</summary>
    public static Diagnostic ExpressionTooComplex(string path, SourceRange range) =>
        E("HCL310", "Expression too complex", "This expression is nested too deeply to evaluate. Simplify it.", path, range);

    /// <summary>An object key that is not a string.</summary>
    public static Diagnostic InvalidObjectKey(string path, SourceRange range) =>
        E("HCL311", "Invalid object key", "An object key must be a string, number or bool. Use a string key.", path, range);

    /// <summary>A function that reported an error.</summary>
    public static Diagnostic FunctionError(string path, SourceRange range, string name, string message) =>
        E("HCL312", "Error in function call", F("Call to function \"{0}\" failed: {1}", name, message), path, range);

    /// <summary>A value that cannot be used as a template part.</summary>
    public static Diagnostic InvalidTemplateValue(string path, SourceRange range, string actual) =>
        E("HCL313", "Invalid template interpolation value", F("Cannot include a {0} value in a string template. Interpolate a string, number or bool instead.", actual), path, range);

    /// <summary>A null value where one is not allowed.</summary>
    public static Diagnostic NullValue(string path, SourceRange range) =>
        E("HCL314", "Invalid use of null", "A null value cannot be used here. Provide a non-null value.", path, range);

    /// <summary>A for expression that produces the same key twice without grouping.</summary>
    public static Diagnostic DuplicateForKey(string path, SourceRange range, string key) =>
        E("HCL315", "Duplicate object key", F("Two elements produce the key \"{0}\". Add an ellipsis (...) after the value expression to group values by key.", key), path, range);

    // ---- HCL4xx: JSON conversion ----

    /// <summary>A block type used with different numbers of labels.</summary>
    public static Diagnostic InconsistentBlockLabels(string path, SourceRange range, string type) =>
        E("HCL401", "Inconsistent block labels", F("Blocks of type \"{0}\" are used with different numbers of labels, which the JSON form cannot represent. Give every \"{0}\" block the same number of labels.", type), path, range);

    /// <summary>A structure too deeply nested to write as JSON.</summary>
    public static Diagnostic JsonTooDeep(string path, SourceRange range) =>
        E("HCL402", "Structure too deep", "This value is nested too deeply to be written as JSON. Reduce the nesting of blocks, labels or values.", path, range);
}
