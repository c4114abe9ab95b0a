// Imported by `lockdown.ts` before SES, which keeps the `Function.prototype.toString` it finds when it
// loads: a user function's text is then the one written, never the instrumented one (T-SRC1).
import { installSourceText } from '../tracer/sourceText';

installSourceText();
