import { expect, test } from '@playwright/test';
import { encodeLink } from '../src/ui/share/codec';
import { bfsDoc } from '../src/ui/share/fixtures';
import { PlaybackControls } from './pages/playback';
import { Playground } from './pages/playground';

const RECURSION = `// Recursion: each call is a frame of its own.
function depth(n: number): number {
  if (n === 0) {
    return 0;
  }
  const below = depth(n - 1);
  return below + 1;
}
const levels = [3, 1, 4];
const total = depth(3);
console.log(total, levels);
`;

test('a breakpoint hit inside recursion: the Call stack lists every frame, and a frame shows its own locals', async ({
  page,
}) => {
  const pg = new Playground(page);
  const pb = new PlaybackControls(page);
  await page.goto(`/#${encodeLink({ ...bfsDoc, files: { 'main.ts': RECURSION }, mainFile: 'main.ts', step: 0 })}`);
  await expect(pg.run).toBeEnabled({ timeout: 20_000 });
  await pg.runToEnd();
  await pb.clickGutter(4); // `return 0;`, in the deepest call
  await pb.focusPage();
  await page.keyboard.press('F8');
  await expect.poll(() => pg.captionLine()).toBe(4);

  const stack = page.getByRole('navigation', { name: 'Call stack' });
  const frames = stack.getByRole('button');
  await expect(frames).toHaveCount(5);
  await expect(frames.nth(0)).toHaveText(/depth.*depth 4, line 4/);
  await expect(frames.nth(0)).toHaveAttribute('aria-current', 'true');
  await expect(frames.nth(1)).toHaveText(/depth 3, line 6/);
  await expect(frames.nth(4)).toHaveText(/main\.ts.*line 10/);
  await expect(pg.variable('n')).toHaveText('0');

  // a frame further out, by mouse: its own n, and the module's variables still below
  await frames.nth(2).click();
  await expect(frames.nth(2)).toHaveAttribute('aria-current', 'true');
  await expect(pg.variable('n')).toHaveText('2');
  await expect(pg.variable('levels')).toHaveText('[3, 1, 4]');
  await page.screenshot({ path: 'docs/breakpoint-stack.png' });

  // by keyboard: focus a frame, Enter shows it
  await frames.nth(3).focus();
  await page.keyboard.press('Enter');
  await expect(pg.variable('n')).toHaveText('3');
  // a step elsewhere shows that step's own frame again
  await pg.forward.click();
  await expect(frames.first()).toHaveAttribute('aria-current', 'true');
});
