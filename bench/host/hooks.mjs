// Resolves `events` imported by graphology to bench/host/events.mjs (see there).
const shim = new URL('./events.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'events' && context.parentURL?.includes('/node_modules/graphology')) {
    return { url: shim, shortCircuit: true };
  }
  return next(specifier, context);
}
