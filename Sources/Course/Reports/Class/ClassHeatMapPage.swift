/// `report.html`: the class as a heat map, one row a learner and one column
/// a check, for an instructor to see at once which checks a class finds
/// hard and which learners need help.
///
/// One self-contained file: its CSS and script are inline and it loads
/// nothing (its Content-Security-Policy forbids it), so it opens from a
/// USB stick or an email attachment with no network. Every roster and
/// account text is escaped; the script reads the table, never data of its
/// own, so no learner's text is ever in script.
///
/// Clicking a column's header sorts by it (again: the other way). The page
/// also sorts by its URL's fragment, `#sort=total-desc`, `#sort=learner-asc`
/// or `#sort=check:<id>-desc`, and a click writes the fragment, so a sorted
/// view can be shared as a link (and a headless browser, which cannot
/// click, can be shown one).
public struct ClassHeatMapPage: Sendable {
    public init() {}

    public func render(_ grade: ClassGrade) -> String {
        let words = Words(grade.provenance.language)
        var html = """
            <!DOCTYPE html>
            <html lang="\(words.htmlLanguage)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>ecslab — \(escape(words.title))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>\(escape(words.title))</h1>

            """
        html += provenance(grade, words)
        html += "<p class=\"count\">\(escape(words.count(learners: grade.learners.count, graded: grade.gradedCount, notGraded: grade.notGradedCount)))</p>\n"
        html += legend(words)
        html += table(grade, words)
        html += "<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    private func provenance(_ grade: ClassGrade, _ words: Words) -> String {
        let source = grade.provenance
        var html = "<dl class=\"provenance\">\n"
        func item(_ term: String, _ definition: String) {
            html += "<dt>\(escape(term))</dt><dd>\(definition)</dd>\n"
        }
        item("ecslab", escape(source.ecslabVersion))
        item(
            words.checkFiles,
            source.checkFiles.map { "<code>\(escape($0.path))</code> <code title=\"\(escape($0.sha256))\">sha256:\(escape($0.shortHash))</code>" }
                .joined(separator: "<br>"))
        item(words.gradedAt, escape(source.gradedAt))
        item(words.region, escape(source.region))
        item(words.lessons, escape(source.lessons.isEmpty ? words.allLessons : source.lessons.joined(separator: ", ")))
        if let shard = source.shard { item(words.shard, escape(shard)) }
        return html + "</dl>\n"
    }

    private func legend(_ words: Words) -> String {
        let entries: [(String, String)] = [
            ("full", words.full), ("partial", words.partial), ("zero", words.zero), ("error", words.error),
            ("not-applicable", words.notApplicable), ("not-graded", words.notGraded),
        ]
        var html = "<ul class=\"legend\" aria-label=\"\(escape(words.legend))\">\n"
        for (kind, label) in entries {
            html += "<li><span class=\"swatch \(kind)\"></span>\(escape(label))</li>\n"
        }
        return html + "</ul>\n"
    }

    private func table(_ grade: ClassGrade, _ words: Words) -> String {
        var html = "<table id=\"heatmap\">\n<thead>\n<tr class=\"lessons\">"
        html += "<th rowspan=\"2\" scope=\"col\" data-sort=\"learner\"><button type=\"button\">\(escape(words.learner))</button></th>"
        for lesson in grade.lessons {
            let count = grade.checks.filter { $0.lesson == lesson }.count
            html += "<th colspan=\"\(count)\" scope=\"colgroup\">\(escape(lesson))</th>"
        }
        html += "<th rowspan=\"2\" scope=\"col\" data-sort=\"total\"><button type=\"button\">\(escape(words.total))</button></th></tr>\n"
        html += "<tr class=\"checks\">"
        for lesson in grade.lessons {
            for check in grade.checks where check.lesson == lesson {
                html += "<th scope=\"col\" data-sort=\"check:\(escape(check.id))\" title=\"\(escape(check.title))\"><button type=\"button\">\(escape(check.id))</button></th>"
            }
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        let columns = grade.lessons.flatMap { lesson in grade.checks.filter { $0.lesson == lesson } }
        for (index, learner) in grade.learners.enumerated() {
            html += row(learner, index: index, columns: columns, words)
        }
        return html + "</tbody>\n</table>\n"
    }

    private func row(_ learner: LearnerGrade, index: Int, columns: [GradedCheck], _ words: Words) -> String {
        var html = "<tr data-learner=\"\(escape(learner.id))\" data-index=\"\(index)\">"
        let account = learner.account.map { "\(words.account) \($0)" } ?? ""
        html += "<th scope=\"row\" title=\"\(escape([account, learner.region, learner.gradedAt].filter { !$0.isEmpty }.joined(separator: " · ")))\">"
        html += "<span class=\"id\">\(escape(learner.id))</span> <span class=\"name\">\(escape(learner.name))</span></th>"
        for check in columns {
            html += cell(for: check, of: learner, words)
        }
        if let score = learner.score {
            let text = "\(GradeSummary.points(score))/\(learner.possible) (\(GradeSummary.percent(score, of: learner.possible))%)"
            html += "<td class=\"total \(heat(score, learner.possible))\" data-total=\"\(GradeSummary.points(score))\" data-possible=\"\(learner.possible)\">\(escape(text))</td>"
        } else {
            let reason = learner.outcome.reason ?? ""
            html += "<td class=\"total not-graded\" data-total=\"\" data-possible=\"\" title=\"\(escape(reason))\">\(escape(words.notGraded))</td>"
        }
        return html + "</tr>\n"
    }

    private func cell(for check: GradedCheck, of learner: LearnerGrade, _ words: Words) -> String {
        guard let result = learner.results.first(where: { $0.check == check.id }) else {
            let tip = learner.outcome.reason.map { "\(words.notGraded): \($0)" } ?? words.notGraded
            return "<td class=\"cell not-graded\" data-check=\"\(escape(check.id))\" data-status=\"not-graded\" data-points=\"\" "
                + "data-possible=\"\(check.points)\" title=\"\(escape(tip))\" data-tip=\"\(escape(tip))\">—</td>"
        }
        var tip: [String] = [check.title]
        if let message = result.message { tip.append(message) }
        if let expected = result.expected { tip.append("\(words.expected) \(expected)") }
        if let found = result.found { tip.append("\(words.found) \(found)") }
        let text = result.status == .notApplicable ? "–" : "\(GradeSummary.points(result.points))/\(result.possible)"
        // The status is a class already; only a scored cell adds its heat.
        let heat = result.status == .notApplicable || result.status == .error ? "" : " \(self.heat(result.points, result.possible))"
        let tipText = escape(tip.joined(separator: "\n"))
        return "<td class=\"cell \(result.status.rawValue)\(heat)\" data-check=\"\(escape(check.id))\" data-status=\"\(result.status.rawValue)\" "
            + "data-points=\"\(GradeSummary.points(result.points))\" data-possible=\"\(result.possible)\" title=\"\(tipText)\" data-tip=\"\(tipText)\">\(escape(text))</td>"
    }

    /// The heat: how much of what a cell could earn it did.
    private func heat(_ points: Double, _ possible: Int) -> String {
        if possible == 0 || points >= Double(possible) { return "full" }
        return points > 0 ? "partial" : "zero"
    }

    private func escape(_ text: String) -> String { XMLText.escape(text) }

    private struct Words {
        let language: Language
        init(_ language: Language) { self.language = language }

        var htmlLanguage: String { language == .zh ? "zh-CN" : "en" }
        var title: String { language == .zh ? "班级成绩" : "Class grades" }
        var checkFiles: String { language == .zh ? "检查文件" : "Check files" }
        var gradedAt: String { language == .zh ? "评分时间" : "Graded at" }
        var region: String { language == .zh ? "区域" : "Region" }
        var lessons: String { language == .zh ? "课" : "Lessons" }
        var allLessons: String { language == .zh ? "全部" : "all" }
        var shard: String { language == .zh ? "分片" : "Shard" }
        var learner: String { language == .zh ? "学员" : "Learner" }
        var account: String { language == .zh ? "账号" : "account" }
        var total: String { language == .zh ? "总分" : "Total" }
        var legend: String { language == .zh ? "图例" : "Legend" }
        var full: String { language == .zh ? "满分" : "full marks" }
        var partial: String { language == .zh ? "部分得分" : "partial" }
        var zero: String { language == .zh ? "零分" : "no points" }
        var error: String { language == .zh ? "出错" : "error" }
        var notApplicable: String { language == .zh ? "不适用" : "not applicable" }
        var notGraded: String { language == .zh ? "未评分" : "not graded" }
        var expected: String { language == .zh ? "期望：" : "expected:" }
        var found: String { language == .zh ? "实际：" : "found:" }

        func count(learners: Int, graded: Int, notGraded: Int) -> String {
            switch language {
            case .zh: return "共 \(learners) 名学员：已评分 \(graded)，未评分 \(notGraded)。"
            case .en: return "\(learners) learners: \(graded) graded, \(notGraded) not graded."
            }
        }
    }

    private static let style = """

        body { font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; margin: 1.5rem; color: #1b1f24; }
        h1 { font-size: 1.5rem; margin: 0 0 1rem; }
        dl.provenance { display: grid; grid-template-columns: max-content auto; gap: .2rem 1rem; font-size: .85rem; margin: 0 0 1rem; }
        dl.provenance dt { font-weight: 600; }
        dl.provenance dd { margin: 0; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; }
        ul.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; font-size: .85rem; }
        ul.legend li { display: flex; align-items: center; gap: .35rem; }
        .swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 3px; border: 1px solid #0002; }
        table#heatmap { border-collapse: collapse; font-size: .85rem; }
        #heatmap th, #heatmap td { border: 1px solid #d0d7de; padding: .3rem .5rem; }
        #heatmap thead th { background: #f6f8fa; position: sticky; top: 0; }
        #heatmap th button { all: unset; cursor: pointer; }
        #heatmap th[data-sort] button::after { content: " ⇅"; color: #8c959f; }
        #heatmap th[aria-sort="ascending"] button::after { content: " ▲"; color: #1b1f24; }
        #heatmap th[aria-sort="descending"] button::after { content: " ▼"; color: #1b1f24; }
        #heatmap tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
        #heatmap .id { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
        #heatmap td { text-align: center; white-space: nowrap; position: relative; }
        #heatmap td.total { font-weight: 600; }
        .full { background: #2da44e; color: #fff; }
        .partial { background: #f2cc60; color: #1b1f24; }
        .zero { background: #e5534b; color: #fff; }
        .error { background: #a40e26; color: #fff; background-image: repeating-linear-gradient(45deg, #0000 0 4px, #fff3 4px 8px); }
        .not-applicable { background: #d0d7de; color: #57606a; }
        .not-graded { background: #57606a; color: #f6f8fa; }
        td.cell[data-tip]:hover::after { content: attr(data-tip); white-space: pre-line; position: absolute; z-index: 2; left: 50%; top: 100%;
            transform: translateX(-50%); min-width: 14rem; max-width: 28rem; padding: .4rem .6rem; border-radius: 4px; background: #1b1f24;
            color: #fff; text-align: left; font-weight: normal; box-shadow: 0 2px 8px #0004; }

        """

    private static let script = """

        (function () {
          var table = document.getElementById('heatmap');
          var body = table.tBodies[0];
          var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-sort]'));
          function value(row, key) {
            if (key === 'learner') return row.getAttribute('data-learner');
            if (key === 'total') {
              var total = row.querySelector('td.total').getAttribute('data-total');
              return total === '' ? null : Number(total);
            }
            var id = key.slice('check:'.length);
            var cells = row.querySelectorAll('td.cell');
            for (var i = 0; i < cells.length; i++) {
              if (cells[i].getAttribute('data-check') !== id) continue;
              var status = cells[i].getAttribute('data-status');
              if (status === 'not-graded' || status === 'not-applicable') return null;
              return Number(cells[i].getAttribute('data-points'));
            }
            return null;
          }
          function sort(key, direction) {
            var header = headers.filter(function (th) { return th.getAttribute('data-sort') === key; })[0];
            if (!header) return;
            var sign = direction === 'desc' ? -1 : 1;
            var rows = Array.prototype.slice.call(body.rows);
            rows.sort(function (a, b) {
              var x = value(a, key), y = value(b, key);
              // Rows with nothing to compare (not graded, not applicable) stay last either way.
              if (x === null || y === null) {
                if (x !== y) return x === null ? 1 : -1;
              } else if (x !== y) {
                return sign * (typeof x === 'string' ? x.localeCompare(y) : x - y);
              }
              return Number(a.getAttribute('data-index')) - Number(b.getAttribute('data-index'));
            });
            rows.forEach(function (row) { body.appendChild(row); });
            headers.forEach(function (th) { th.removeAttribute('aria-sort'); });
            header.setAttribute('aria-sort', direction === 'desc' ? 'descending' : 'ascending');
          }
          function fromFragment() {
            var match = /^#sort=(.+)-(asc|desc)$/.exec(location.hash);
            if (match) sort(decodeURIComponent(match[1]), match[2]);
          }
          headers.forEach(function (th) {
            th.addEventListener('click', function () {
              var key = th.getAttribute('data-sort');
              var direction = th.getAttribute('aria-sort') === 'ascending' ? 'desc' : 'asc';
              sort(key, direction);
              try { history.replaceState(null, '', '#sort=' + encodeURIComponent(key) + '-' + direction); } catch (e) {}
            });
          });
          window.addEventListener('hashchange', fromFragment);
          fromFragment();
        })();

        """
}
