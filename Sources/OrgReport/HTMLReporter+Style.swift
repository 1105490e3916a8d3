extension HTMLReporter {
    /// The page's stylesheet: sober, official, readable at 1366×768, printable on A4 with its colours.
    /// The font stack has Vietnamese glyphs on Windows, macOS and Linux without fetching a web font.
    static let style = #"""
        :root {
          --ink: #1c2530; --muted: #5a6674; --line: #c8d0da; --soft: #e9eef4; --bg: #eef1f5;
          --navy: #1f3a5f; --navy2: #2f5e8e; --accent: #a31f1f;
          --error: #b3261e; --error-bg: #fbe3e0; --error-tint: #fdf3f2;
          --warning: #b86e00; --warning-bg: #fcefd2; --warning-tint: #fffaf0;
          --info: #1d5fa0; --info-bg: #e0ebf7;
          --ok: #4f8a5f; --ok-bg: #ecf4ee;
          --support: #6c4a99; --support-bg: #efe8f7;
          --mono: "Cascadia Mono", Consolas, "DejaVu Sans Mono", "Noto Sans Mono", monospace;
        }
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: var(--ink); background: var(--bg);
          font: 14px/1.45 "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
        code { font-family: var(--mono); font-size: 0.86em; }
        .band { background: var(--navy); color: #fff; border-bottom: 4px solid var(--accent); }
        .band-inner, nav, main, .page-footer { max-width: 1280px; margin: 0 auto; padding-left: 24px; padding-right: 24px; }
        .band-inner { padding-top: 12px; padding-bottom: 6px; }
        .band-kicker { margin: 0; font-size: 11px; letter-spacing: .14em; text-transform: uppercase; opacity: .7; }
        .band h1 { margin: 0; font-size: 24px; font-weight: 600; }
        .band-meta { margin: 2px 0 0; font-size: 14px; opacity: .92; }
        .band-meta code { color: #fff; }
        nav { display: flex; flex-wrap: wrap; gap: 4px; padding-bottom: 8px; }
        nav a { color: #dce6f2; text-decoration: none; font-size: 13px; padding: 2px 10px; border-radius: 3px;
          background: rgba(255, 255, 255, .09); }
        nav a:hover, nav a:focus { background: rgba(255, 255, 255, .22); color: #fff; }
        main { padding-top: 4px; padding-bottom: 8px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 4px; padding: 12px 20px 16px; margin: 12px 0; }
        h2 { font-size: 18px; margin: 0 0 10px; color: var(--navy); border-bottom: 2px solid var(--navy); padding-bottom: 3px; }
        h2 .num { color: var(--accent); }
        h3 { font-size: 14.5px; margin: 0 0 6px; color: var(--navy); }
        h4 { font-size: 14px; margin: 12px 0 6px; padding-bottom: 2px; border-bottom: 1px solid var(--line); }
        .intro { margin: 0 0 6px; color: var(--muted); }
        .note { font-size: 12.5px; color: var(--muted); margin: 6px 0 0; }
        .note.warn { color: var(--warning); font-weight: 600; }
        .card { border: 1px solid var(--line); border-radius: 4px; padding: 10px 14px; background: #fff; }
        .summary-grid { display: grid; grid-template-columns: 1.9fr .75fr .9fr; gap: 12px; }
        .summary-tables, .staffing-tables { display: grid; grid-template-columns: 1.15fr 1fr; gap: 12px; margin-top: 12px; align-items: start; }
        table.facts { border-collapse: collapse; width: 100%; font-size: 13.5px; }
        table.facts th { text-align: left; color: var(--muted); font-weight: 600; padding: 3px 14px 3px 0; white-space: nowrap; vertical-align: top; }
        table.facts td { padding: 3px 0; }
        table.facts tr + tr > * { border-top: 1px solid var(--soft); }
        .score { text-align: center; display: flex; flex-direction: column; justify-content: center; }
        .score-label { font-weight: 600; color: var(--muted); text-transform: uppercase; font-size: 12px; letter-spacing: .06em; }
        .score-value { font-size: 60px; font-weight: 700; line-height: 1.05; }
        .score-scale { font-size: 18px; color: var(--muted); font-weight: 400; }
        .score-note { font-size: 11.5px; color: var(--muted); margin: 4px 0 0; }
        .score.good .score-value { color: var(--ok); }
        .score.fair .score-value { color: var(--warning); }
        .score.poor .score-value { color: var(--error); }
        .meter.good > span { background: var(--ok); }
        .meter.fair > span { background: var(--warning); }
        .meter.poor > span { background: var(--error); }
        .tiles { display: flex; flex-direction: column; gap: 6px; }
        .tile { display: flex; align-items: baseline; gap: 10px; padding: 5px 12px; border-radius: 3px; border-left: 5px solid; }
        .tile-count { font-size: 26px; font-weight: 700; min-width: 44px; text-align: right; }
        .tile-label { display: inline-block; }
        .tile-label::first-letter, .cap::first-letter, table.grid thead th::first-letter, figcaption::first-letter { text-transform: uppercase; }
        .tile.sev-error { background: var(--error-bg); border-color: var(--error); color: var(--error); }
        .tile.sev-warning { background: var(--warning-bg); border-color: var(--warning); color: var(--warning); }
        .tile.sev-info { background: var(--info-bg); border-color: var(--info); color: var(--info); }
        table.grid { border-collapse: collapse; width: 100%; font-size: 13px; }
        table.grid th, table.grid td { border: 1px solid var(--line); padding: 3px 7px; vertical-align: top; }
        table.grid thead th, table.grid tfoot th { background: var(--soft); text-align: left; font-weight: 600; }
        table.grid tfoot td, tr.strong td { font-weight: 700; background: var(--soft); }
        .n, table.grid th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .zero { color: #a7b0bb; }
        .strong { font-weight: 700; }
        .sev-error-text { color: var(--error); font-weight: 700; }
        .sev-warning-text { color: var(--warning); font-weight: 700; }
        .sev-info-text { color: var(--info); font-weight: 700; }
        .meter { display: inline-block; width: 64px; height: 7px; background: var(--soft); margin-right: 8px; vertical-align: 1px; }
        .meter > span { display: block; height: 100%; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 4px 0 10px; font-size: 12.5px; }
        .swatch { display: inline-block; width: 16px; height: 12px; margin-right: 6px; vertical-align: -1px;
          border: 1px solid var(--line); }
        .swatch.sev-error { background: var(--error-bg); border-left: 4px solid var(--error); }
        .swatch.sev-warning { background: var(--warning-bg); border-left: 4px solid var(--warning); }
        .swatch.sev-info { background: var(--info-bg); border-left: 4px solid var(--info); }
        .swatch.sev-none { background: var(--ok-bg); border-left: 4px solid var(--ok); }
        .tree-root { max-width: 600px; }
        .tree-blocks { columns: 2 520px; column-gap: 28px; margin-top: 4px; }
        .tree-block { break-inside: avoid; margin: 0 0 8px 8px; padding-left: 10px; border-left: 2px solid #b5c0cd; }
        svg.tree { display: block; width: 100%; max-width: 600px; height: auto; }
        svg .links { fill: none; stroke: #8795a6; stroke-width: 1; }
        .unit .box { fill: var(--ok-bg); stroke: #b7cfbd; stroke-width: .8; }
        .unit .stripe, .unit .badge { fill: var(--ok); }
        .unit .name { font-size: 12px; fill: var(--ink); }
        .unit.dept .name { font-weight: 700; fill: var(--navy); }
        .unit .uid { font-family: var(--mono); font-size: 10px; fill: var(--muted); }
        .unit .count { font-size: 9.5px; font-weight: 700; fill: #fff; }
        .unit.sev-error .box { fill: var(--error-bg); stroke: #e2a39d; }
        .unit.sev-error .stripe, .unit.sev-error .badge { fill: var(--error); }
        .unit.sev-warning .box { fill: var(--warning-bg); stroke: #e5c384; }
        .unit.sev-warning .stripe, .unit.sev-warning .badge { fill: var(--warning); }
        .unit.sev-info .box { fill: var(--info-bg); stroke: #9dbfe0; }
        .unit.sev-info .stripe, .unit.sev-info .badge { fill: var(--info); }
        .tools { margin: 0 0 8px; font-size: 13px; }
        .matrix-wrap { max-height: 76vh; overflow: auto; border: 1px solid var(--line); }
        table.matrix { border-collapse: separate; border-spacing: 0; font-size: 12px; width: 100%; }
        .matrix th, .matrix td { border-right: 1px solid #e2e7ed; border-bottom: 1px solid #e2e7ed; padding: 2px 5px; }
        .matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--soft); vertical-align: bottom;
          border-bottom: 1px solid var(--line); text-align: left; }
        .matrix thead th.mh { left: 0; z-index: 3; }
        .matrix th.col { width: 34px; min-width: 34px; padding: 6px 2px; text-align: center; }
        .matrix th.col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-size: 11.5px;
          font-weight: 600; max-height: 158px; overflow: hidden; text-overflow: ellipsis; display: inline-block; }
        .matrix tbody th { text-align: left; font-weight: 400; white-space: nowrap; position: sticky; left: 0; z-index: 1;
          background: #fff; }
        .matrix tbody th code { font-weight: 700; color: var(--navy); }
        .matrix td { text-align: center; white-space: nowrap; padding: 2px 3px; font-size: 11.5px; }
        .matrix td.c-lead { background: #d6e3f2; color: var(--navy); font-weight: 700; }
        .matrix td.c-support { background: #eef1f5; color: #3d4b5a; font-weight: 600; }
        .matrix td.inferred { color: #7c8996; font-weight: 400; background: #f4f6f9; }
        .matrix td.c-conflict { box-shadow: inset 0 0 0 2px var(--error); color: var(--error); }
        .matrix td.st, .matrix th.st { text-align: left; font-size: 11.5px; font-weight: 600; width: 116px; min-width: 116px; white-space: normal; line-height: 1.2; }
        tr.row-conflict > th { background: var(--error-bg); box-shadow: inset 4px 0 var(--error); }
        tr.row-conflict > td:not([class]), tr.row-conflict > td.st { background: var(--error-tint); color: var(--error); }
        tr.row-gap > th { background: var(--warning-bg); box-shadow: inset 4px 0 var(--warning); }
        tr.row-gap > td:not([class]), tr.row-gap > td.st { background: var(--warning-tint); color: var(--warning); }
        tr.row-support > th { background: var(--support-bg); box-shadow: inset 4px 0 var(--support); }
        tr.row-support > td:not([class]), tr.row-support > td.st { background: #f8f4fc; color: var(--support); }
        .swatch.row-conflict { background: var(--error-bg); border-left: 4px solid var(--error); }
        .swatch.row-gap { background: var(--warning-bg); border-left: 4px solid var(--warning); }
        .swatch.row-support { background: var(--support-bg); border-left: 4px solid var(--support); }
        .role { font-style: normal; font-weight: 700; color: var(--navy); padding: 0 4px; background: #d6e3f2; }
        .role.inferred { font-style: italic; font-weight: 400; color: #7c8996; background: #f4f6f9; }
        figure.bars { margin: 6px 0 10px; }
        figure.bars figcaption { font-weight: 600; color: var(--navy); margin-bottom: 2px; }
        svg.bars { display: block; width: 100%; max-width: 1000px; height: auto; }
        .bar-row .label { font-size: 12px; fill: var(--ink); }
        .bar-row .quota { fill: #e3e9f0; stroke: #93a3b5; stroke-width: .8; }
        .bar-row .actual { fill: var(--navy2); }
        .bar-row .figures { font-size: 11.5px; fill: var(--muted); font-variant-numeric: tabular-nums; }
        .bar-row.over .actual { fill: var(--error); }
        .bar-row.over .label, .bar-row.over .figures { fill: var(--error); font-weight: 700; }
        .swatch.bar-quota { background: #e3e9f0; border-color: #93a3b5; }
        .swatch.bar-actual { background: var(--navy2); border-color: var(--navy2); }
        .swatch.bar-over { background: var(--error); border-color: var(--error); }
        .filters { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 20px;
          background: #f6f8fb; border: 1px solid var(--line); border-radius: 3px; padding: 6px 10px; }
        .filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
        .filters legend { float: left; font-weight: 600; margin-right: 6px; }
        .filter-status { margin: 0; color: var(--muted); }
        .chip { border: 1px solid var(--line); border-radius: 12px; padding: 0 9px 0 5px; font-size: 12.5px; background: #fff;
          cursor: pointer; white-space: nowrap; }
        .chip.sev-error { border-color: var(--error); } .chip.sev-warning { border-color: var(--warning); }
        .chip.sev-info { border-color: var(--info); }
        button { font: inherit; font-size: 12.5px; padding: 1px 10px; border: 1px solid var(--navy2); background: #fff;
          color: var(--navy); border-radius: 3px; cursor: pointer; }
        .sev-head { color: #fff; padding: 4px 10px; margin: 16px 0 4px; border-radius: 3px; font-size: 14px; letter-spacing: .06em; }
        .sev-head.sev-error { background: var(--error); } .sev-head.sev-warning { background: var(--warning); }
        .sev-head.sev-info { background: var(--info); } .sev-head.apart { background: #5b6770; }
        article.finding { border: 1px solid var(--line); border-left: 4px solid var(--info); border-radius: 3px;
          padding: 6px 12px 8px; margin: 0 0 8px; break-inside: avoid; }
        article.finding.sev-error { border-left-color: var(--error); }
        article.finding.sev-warning { border-left-color: var(--warning); }
        article.finding > header { font-size: 12.5px; color: var(--muted); }
        article.finding .code { font-weight: 700; color: var(--ink); }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 11px; font-weight: 700;
          text-transform: uppercase; color: #fff; background: var(--info); }
        .badge.sev-error { background: var(--error); } .badge.sev-warning { background: var(--warning); }
        .message { margin: 3px 0 6px; font-weight: 600; }
        article.finding dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 12.5px; }
        article.finding dt { color: var(--muted); }
        article.finding dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
        table.evidence { border-collapse: collapse; }
        table.evidence th { text-align: left; font-weight: 400; padding: 0 12px 0 0; vertical-align: top; white-space: nowrap; }
        table.evidence td { padding: 0; }
        .ev-item { display: block; }
        ul.citations { margin: 0; padding-left: 16px; }
        details.inferred { margin-top: 16px; border: 1px solid var(--line); border-radius: 3px; padding: 6px 12px; }
        details.inferred summary { font-weight: 600; color: var(--navy); cursor: pointer; }
        details.inferred table { margin-top: 6px; }
        .page-footer { font-size: 12px; color: var(--muted); padding-bottom: 20px; }
        @page { size: A4; margin: 14mm 12mm 15mm; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          nav, .tools, .filters { display: none !important; }
          .band-inner, main, .page-footer { max-width: none; padding-left: 0; padding-right: 0; }
          .band { border-bottom-width: 3px; }
          .band-inner { padding: 8px 4mm; }
          section { border: 0; border-radius: 0; padding: 0; margin: 0 0 8mm; }
          #tree, #matrix, #staffing, #findings { break-before: page; }
          h2, h3, h4, .sev-head, figcaption { break-after: avoid; }
          .summary-grid { grid-template-columns: 1.7fr .8fr .9fr; }
          .summary-tables, .staffing-tables { grid-template-columns: 1fr; }
          .card, tr, figure.bars, .tree-block { break-inside: avoid; }
          .tree-blocks { columns: 1; }
          .matrix-wrap { max-height: none; overflow: visible; border: 0; }
          .matrix thead th, .matrix tbody th { position: static; }
          .matrix th.col span { max-height: 130px; }
          table.matrix { font-size: 9.5px; }
          details::details-content { content-visibility: visible; display: block; }
          a { color: inherit; text-decoration: none; }
        }
        """#
}
