import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

/** Height of one line when the list is virtual, in CSS pixels (`.console .line.row` in styles.css). */
export const ROW_PX = 19;
/** Lines drawn above and below what is visible, so a scroll does not show a blank edge first. */
const OVERSCAN = 20;

/** Props of the virtual list. */
export interface VirtualLinesProps {
  /** How many lines there are. */
  count: number;
  /** Draws line `i` (a `.line.row` element, one line high). */
  row: (i: number) => ReactNode;
  /** What follows the lines (the failure, notices), drawn as usual. */
  children?: ReactNode;
}

/**
 * A long console: only the lines in view are in the page, so stepping through a run that printed
 * a hundred thousand lines costs what a screenful costs. It follows the newest line while it is
 * scrolled to the end, as a terminal does, and stays where the reader put it otherwise.
 */
export function VirtualLines({ count, row, children }: VirtualLinesProps) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 400 });
  const atEnd = useRef(true);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    if (atEnd.current) el.scrollTop = el.scrollHeight;
    setView({ top: el.scrollTop, height: el.clientHeight });
  }, [count]);

  const onScroll = (): void => {
    const el = box.current;
    if (!el) return;
    atEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - ROW_PX;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };

  const first = Math.max(0, Math.floor(view.top / ROW_PX) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / ROW_PX) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(row(i));
  return (
    <div className="console-lines" role="log" ref={box} onScroll={onScroll}>
      <div className="rows" style={{ height: count * ROW_PX }}>
        <div style={{ transform: `translateY(${first * ROW_PX}px)` }}>{rows}</div>
      </div>
      {children}
    </div>
  );
}
