/// The dashboard's style sheet: system fonts only, a layout sized so the charts draw at
/// their natural size at 1280 pixels, and a print style sheet (A4 landscape, colours kept,
/// navigation dropped).
enum DashboardStyle {
    static let css = """
        /* smsplan dashboard: no web fonts, no images, nothing fetched. */
        :root {
          --ink: #1b1f24; --muted: #5f6b76; --line: #d5dae0; --page: #f3f5f7; --card: #ffffff;
          --accent: #1565c0; --bad: #c62828; --warn: #b26a00;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body {
          margin: 0; background: var(--page); color: var(--ink);
          font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
        }
        a { color: var(--accent); }
        code { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        svg { max-width: 100%; height: auto; display: block; }
        svg text { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        svg a:hover rect, svg a:focus rect { stroke: var(--ink); stroke-width: 2; }

        .masthead { background: #1b2733; color: #ffffff; padding: 22px 20px 18px; }
        .masthead > * { max-width: 1200px; margin-left: auto; margin-right: auto; }
        .masthead h1 { margin: 0 auto; font-size: 28px; line-height: 1.2; }
        .masthead h1 .kind { font-weight: normal; color: #b8c4cf; font-size: 20px; }
        .masthead .subtitle { margin: 4px auto 16px; color: #d3dbe2; }
        .figures { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin-bottom: 0; }
        .figure { background: #26394a; border-radius: 6px; padding: 10px 12px; display: flex; flex-direction: column; }
        .figure .label { font-size: 13px; color: #b8c4cf; }
        .figure .value { font-size: 22px; font-weight: bold; line-height: 1.3; }
        .figure .note { font-size: 12.5px; color: #b8c4cf; }
        .figure.alert { background: #8e1414; box-shadow: inset 0 0 0 3px #ffffff; }
        .figure.alert .label, .figure.alert .note { color: #ffffff; }

        nav { background: var(--card); border-bottom: 1px solid var(--line); position: sticky; top: 0; z-index: 1; }
        nav ul { max-width: 1200px; margin: 0 auto; padding: 8px 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 22px; }
        nav a { text-decoration: none; font-weight: 600; }

        main { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
        section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px 20px; margin: 20px 0; }
        h2 { margin: 0 0 6px; font-size: 22px; }
        h3 { margin: 18px 0 8px; font-size: 17px; }
        .lead { margin: 0 0 14px; color: var(--muted); }
        figure { margin: 0 0 14px; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }

        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
        thead th { background: #eef1f4; font-size: 13px; text-transform: uppercase; letter-spacing: 0.02em; color: #3d4852; }
        tbody tr:nth-child(even) { background: #fafbfc; }
        td.empty { color: #5f6b76; }
        .table-wrap { overflow-x: auto; }

        table.phases th[scope="row"] { font-size: 16px; white-space: nowrap; }
        table.phases .plan { display: block; font-weight: normal; font-size: 13px; color: var(--muted); white-space: normal; }
        table.phases td { vertical-align: middle; }
        table.phases th:nth-child(1) { width: 21%; }
        table.phases th:nth-child(2) { width: 9%; }
        table.phases th:nth-child(3), table.phases th:nth-child(4) { width: 24%; }
        table.phases td.progress svg { width: 100%; height: 18px; border-radius: 3px; }
        .figure-text { display: block; font-weight: bold; font-size: 15px; margin-bottom: 4px; white-space: nowrap; }
        td.open p { margin: 0; }
        .what { color: var(--muted); font-size: 13px; margin-right: 4px; }
        .state, .status, .severity {
          display: inline-block; border-radius: 4px; padding: 1px 8px; font-size: 13px; font-weight: bold;
          border: 1px solid rgba(0, 0, 0, 0.25);
        }
        .severity-error { background: var(--bad); color: #ffffff; }
        .severity-warning { background: #f2b01e; color: var(--ink); }

        .legend { list-style: none; padding: 0; margin: 8px 0 12px; display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 14px; }
        .legend strong { margin-right: 4px; }
        .swatch { display: inline-block; width: 16px; height: 16px; border-radius: 3px; vertical-align: -3px; margin-right: 6px;
                  border: 1px solid rgba(0, 0, 0, 0.25); }
        .swatch.parent { background: linear-gradient(#5a6068 5px, #ffffff 5px); }

        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
        .columns h3 { margin-top: 4px; }
        .none { color: var(--muted); }
        tr.overdue td, .overdue { color: var(--bad); }
        tr.dispose td { background: #fff4e0; }
        tr.status-draft td, tr.status-review td { color: #6b4d00; }
        tr.status-obsolete td { color: #5f6b76; text-decoration: line-through; }
        table.register { font-size: 13.5px; }
        table.register td { white-space: nowrap; }
        table.register td:nth-child(2) { white-space: normal; min-width: 18em; }
        table.register thead th { text-transform: none; letter-spacing: 0; font-size: 13px; }
        table.register .path { display: block; font-size: 12px; color: var(--muted); }
        .dispose { color: #8a4f00; }
        table.findings td:nth-child(2), table.findings td:nth-child(3) { white-space: nowrap; }
        .id { white-space: nowrap; }

        .clauses { columns: 2; column-gap: 28px; }
        .clause { break-inside: avoid; border-top: 1px solid var(--line); padding: 8px 0 6px; }
        .clause h3 { margin: 0 0 4px; font-size: 15px; }
        .clause .meta { margin: 2px 0; color: var(--muted); font-size: 13.5px; }
        .clause ul.evidence { margin: 4px 0; padding-left: 20px; font-size: 14px; }
        .clause li.missing { color: var(--bad); }
        span.held { border: 1px dashed currentColor; border-radius: 3px; padding: 0 4px; }
        .clause:target { background: #fff8d6; outline: 3px solid #f2b01e; }

        footer { max-width: 1200px; margin: 0 auto 30px; padding: 0 20px; color: var(--muted); font-size: 13px; }

        @media (max-width: 900px) {
          .figures { grid-template-columns: repeat(2, 1fr); }
          .columns { grid-template-columns: 1fr; }
          .clauses { columns: 1; }
        }

        @media print {
          @page { size: A4 landscape; margin: 12mm; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { background: #ffffff; font-size: 10pt; }
          nav { display: none; }
          .masthead { background: #ffffff; color: #000000; padding: 0 0 8px; border-bottom: 2px solid #000000; }
          .masthead h1 .kind, .masthead .subtitle, .figure .label, .figure .note { color: #333333; }
          .figures { grid-template-columns: repeat(6, 1fr); gap: 6px; }
          .figure { background: #ffffff; border: 1px solid #777777; padding: 6px 8px; }
          .figure .value { font-size: 16pt; }
          .figure.alert { background: #ffffff; border: 3px solid #b71c1c; box-shadow: none; }
          .figure.alert .label, .figure.alert .note, .figure.alert .value { color: #b71c1c; }
          h2, h3, figcaption { break-after: avoid; page-break-after: avoid; }
          .columns { grid-template-columns: 1fr 1fr; }
          main { max-width: none; padding: 0; }
          section { border: none; border-radius: 0; padding: 0; margin: 14px 0 0; }
          section#documents, section#records, section#findings, section#evidence { break-before: page; }
          figure, tr, .clause, .figure { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          .table-wrap { overflow: visible; }
          .clauses { columns: 2; }
          .clause:target { background: none; outline: none; }
        }

        """
}
