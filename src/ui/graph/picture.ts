// Pictures of the graph as it is drawn at the step: part of the Cytoscape wrapper's surface.
import type { GraphCore } from './cytoscape';

/** How much larger than on screen a picture is drawn: sharp on high-density screens and in slides. */
export const PICTURE_SCALE = 2;

/** The view as it is on screen (the step's highlights, badges and legend colours), as a PNG. */
export function pngOf(cy: GraphCore, background: string): Blob {
  return cy.png({ output: 'blob', bg: background, full: false, scale: PICTURE_SCALE });
}
