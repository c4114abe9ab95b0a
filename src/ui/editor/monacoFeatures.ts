// The editor's contributions, one import each: what a script's author uses (hover, completions,
// signature help, go to definition, the problems' F8, find, formatting, comments, folding) — the API
// module alone brings none of them.
import 'monaco-editor/features/hover/register.js';
import 'monaco-editor/features/suggest/register.js';
import 'monaco-editor/features/parameterHints/register.js';
import 'monaco-editor/features/gotoError/register.js';
import 'monaco-editor/features/gotoSymbol/register.js';
import 'monaco-editor/features/referenceSearch/register.js';
import 'monaco-editor/features/wordHighlighter/register.js';
import 'monaco-editor/features/toggleTabFocusMode/register.js';
import 'monaco-editor/features/find/register.js';
import 'monaco-editor/features/format/register.js';
import 'monaco-editor/features/comment/register.js';
import 'monaco-editor/features/folding/register.js';
import 'monaco-editor/features/bracketMatching/register.js';
import 'monaco-editor/features/codeAction/register.js';
import 'monaco-editor/features/contextmenu/register.js';
import 'monaco-editor/features/clipboard/register.js';
import 'monaco-editor/features/linesOperations/register.js';
import 'monaco-editor/features/wordOperations/register.js';
import 'monaco-editor/features/multicursor/register.js';
import 'monaco-editor/features/snippet/register.js';
import 'monaco-editor/features/inlineProgress/register.js';
import 'monaco-editor/features/rename/register.js';
