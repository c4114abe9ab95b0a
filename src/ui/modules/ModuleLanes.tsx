import type { Lanes } from './lanes';

/** Props of the module strip. */
export interface ModuleLanesProps {
  /** Which modules ran in each column. */
  lanes: Lanes;
  /** Display name of each module id. */
  names: ReadonlyMap<number, string>;
  /** The step on screen. */
  step: number;
  /** Steps in the trace. */
  total: number;
  /** Moves the timeline to a step. */
  onSeek: (step: number) => void;
}

const LANE_HEIGHT = 10;

/**
 * The whole trace as one strip per module, a mark where each one ran: modules that take turns
 * show as interleaved marks. Clicking the strip moves the timeline there.
 */
export function ModuleLanes({ lanes, names, step, total, onSeek }: ModuleLanesProps) {
  const width = Math.max(1, Math.ceil(total / lanes.stepsPerColumn));
  const height = lanes.modules.length * LANE_HEIGHT;
  const at = Math.floor(step / lanes.stepsPerColumn) + 0.5;
  const summary = lanes.modules
    .map((id, i) => `${names.get(id) ?? id}: ${lanes.columns[i]?.length ?? 0} of ${width} stretches`)
    .join('; ');
  return (
    <svg
      className="module-lanes"
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`Which module ran each part of the trace: ${summary}`}
      onClick={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const x = (e.clientX - box.left) / Math.max(1, box.width);
        onSeek(Math.round(x * Math.max(0, total - 1)));
      }}
    >
      {lanes.columns.map((cols, lane) =>
        cols.map((c) => (
          <rect
            key={`${lane}:${c}`}
            className={`lane lane-${lane % 6}`}
            x={c}
            y={lane * LANE_HEIGHT + 1}
            width={1}
            height={LANE_HEIGHT - 2}
          />
        )),
      )}
      <line className="lane-now" x1={at} x2={at} y1={0} y2={height} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
