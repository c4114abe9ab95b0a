// graphology's `events`, as the browser and dist-cli bundle it: the npm package, not Node's builtin,
// which the engine could not freeze with graphology's classes (src/executor/confine.ts).
import EventEmitter from '../../node_modules/events/events.js';

export { EventEmitter };
export default EventEmitter;
