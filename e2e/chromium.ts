// How every browser test tool here starts Chromium: Debian's binary (test tools cannot download
// browsers on our machines; STEPGRAPH_CHROMIUM overrides it) with the flags our machines need.
export const chromiumLaunchOptions = {
  executablePath: process.env.STEPGRAPH_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
