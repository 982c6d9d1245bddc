/** The page's frame; the script fills it. Says at once what this is: a local tool, not Slack. */
export function pageHtml(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Incident Commander sandbox (local development tool)</title>
<link rel="stylesheet" href="/page.css">
</head>
<body>
<div class="banner" role="note">Incident Commander sandbox: a local development tool. A stand-in of Slack on this machine; nothing here reaches a real Slack workspace.</div>
<div id="app">Loading…</div>
<script type="module" src="/page.js"></script>
</body>
</html>
`;
}
