// Every unit test runs as the hosts run: the engine's modules loaded, then SES's lockdown, then scripts.
import '../src/executor/engine';
// the graph formats are loaded by the page and the command, which do not lock down: load them first
// here too (xmldom sets `constructor` on its prototypes as it loads, which a frozen Object.prototype refuses)
import '../src/formats';
import '../src/worker/lockdown';
