// Every unit test runs as the hosts run: the engine's modules loaded, then SES's lockdown, then scripts.
import '../src/executor/engine';
import '../src/worker/lockdown';
