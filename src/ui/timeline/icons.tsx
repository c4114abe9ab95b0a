/** Timeline icons as inline SVG: every platform draws them the same, whatever its fonts. */
const icon = (d: string) =>
  function Icon() {
    return (
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={d} fill="currentColor" />
      </svg>
    );
  };

export const FirstIcon = icon('M2 2h2v12H2zM14 2v12L5 8z');
export const BackIcon = icon('M12 2v12L3 8z');
export const ForwardIcon = icon('M4 2v12l9-6z');
export const LastIcon = icon('M12 2h2v12h-2zM2 2v12l9-6z');
export const PlayIcon = icon('M3 1.5v13l11-6.5z');
export const PauseIcon = icon('M3 2h4v12H3zM9 2h4v12H9z');
/** A triangle towards a dot: to the previous / next breakpoint. */
export const PrevBreakpointIcon = icon('M1 8l6-5v10zM8.5 8a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0z');
export const NextBreakpointIcon = icon('M15 8l-6-5v10zM0.5 8a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0-7 0z');
