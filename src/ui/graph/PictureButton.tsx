import type { GraphCore } from './cytoscape';
import { pngOf } from './picture';

/** Props of the picture button. */
export interface PictureButtonProps {
  /** The view to draw, when there is one. */
  core: () => GraphCore | undefined;
  /** The step shown, for the file's name. */
  step: number;
}

/** Saves the graph as drawn at this step as a PNG file (button "Save graph as PNG"). */
export function PictureButton({ core, step }: PictureButtonProps) {
  return (
    <button
      type="button"
      className="graph-picture"
      aria-label="Save graph as PNG"
      title="Download the graph as it is drawn at this step, as a PNG picture"
      onClick={() => {
        const cy = core();
        if (!cy) return;
        const bg =
          getComputedStyle(cy.container() ?? document.body)
            .getPropertyValue('--panel')
            .trim() || '#ffffff';
        const url = URL.createObjectURL(pngOf(cy, bg));
        const a = document.createElement('a');
        a.href = url;
        a.download = `graph-step-${step}.png`;
        a.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }}
    >
      PNG
    </button>
  );
}
