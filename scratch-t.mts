import { renderMarkdown } from '/work/main/app/handbook/markdown.server.ts';
console.log(renderMarkdown('[x](https://example.vn "title\\" onmouseover=alert(1) x=\\"")'));
