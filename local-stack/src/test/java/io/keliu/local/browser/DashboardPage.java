package io.keliu.local.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One dashboard page in the browser, read through the conventions every view follows: panels are
 * {@code section.panel} with {@code data-state}, charts {@code .chart} beside a {@code table.data-table}, user data in
 * {@code [data-user-content]}.
 */
public final class DashboardPage {
    /** How long the panels of a page may take to load on a busy 2-core machine before the test gives up. */
    public static final double SETTLE_TIMEOUT_MS = 45_000;

    private static final String SETTLED = """
            () => {
              const panels = [...document.querySelectorAll('section.panel')];
              return panels.every(p => ['ready', 'empty', 'error'].includes(p.dataset.state)) ? performance.now() : 0;
            }""";

    /** Per panel: its state, its text but the heading, and what its charts and data tables hold. */
    private static final String PANELS = """
            () => [...document.querySelectorAll('section.panel')].map(panel => {
              const heading = panel.querySelector('h2, h3');
              const text = panel.innerText.replace(heading ? heading.innerText : '', '').trim();
              const charts = [...panel.querySelectorAll('.chart')].map(chart => {
                const drawn = [...chart.querySelectorAll('canvas, svg')];
                let width = 0, height = 0, marks = 0;
                for (const element of drawn) {
                  const box = element.getBoundingClientRect();
                  width = Math.max(width, box.width);
                  height = Math.max(height, box.height);
                  if (element.tagName === 'CANVAS' && element.width > 0 && element.height > 0) {
                    // a blank canvas has one colour: count the colours of a sample of its pixels
                    const data = element.getContext('2d').getImageData(0, 0, element.width, element.height).data;
                    const colours = new Set();
                    const step = Math.max(1, Math.floor(data.length / 4 / 20000)) * 4;
                    for (let i = 0; i < data.length; i += step) colours.add(data[i] << 24 | data[i + 1] << 16 | data[i + 2] << 8 | data[i + 3]);
                    marks = Math.max(marks, colours.size);
                  } else if (element.tagName.toLowerCase() === 'svg') {
                    marks = Math.max(marks, element.querySelectorAll('path, rect, circle, polyline, text').length);
                  }
                }
                return {width, height, marks};
              });
              const tableRows = [...panel.querySelectorAll('table.data-table')].map(t => t.querySelectorAll('tbody tr').length);
              return {id: panel.dataset.panel || '(no data-panel)', state: panel.dataset.state || '(no data-state)',
                      text, charts, tableRows};
            })""";

    /**
     * The text a reader meets: text nodes, the title and the labels of controls, less user data, scripts and text
     * marked as another language on purpose (the language switch's other link) or as decoration.
     */
    private static final String TEXT = """
            () => {
              const lang = document.documentElement.lang.split('-')[0];
              const skip = element => element.closest('script, style, template, noscript, [data-user-content], [aria-hidden="true"]')
                  || element.closest('[lang]').lang.split('-')[0] !== lang;
              const parts = [document.title];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (node.parentElement && node.nodeValue.trim() && !skip(node.parentElement)) parts.push(node.nodeValue.trim());
              }
              for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
                if (skip(element)) continue;
                for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
                  if (element.getAttribute(name)) parts.push(element.getAttribute(name));
                }
              }
              return parts.join('\\n');
            }""";

    private static final String AXE = """
            async () => {
              const results = await axe.run(document, {resultTypes: ['violations']});
              return results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
            }""";

    private static String axeSource;

    private final Page page;

    public DashboardPage(Page page) {
        this.page = page;
    }

    public Page page() {
        return page;
    }

    /**
     * Opens a path and waits for its panels to settle.
     *
     * @return milliseconds from the navigation's start until every panel was ready, empty or failed
     */
    public double open(String url) {
        page.navigate(url);
        return awaitPanels();
    }

    /** Waits until no panel is loading any more; answers the page's time at that moment (ms since navigation). */
    public double awaitPanels() {
        page.waitForLoadState(LoadState.DOMCONTENTLOADED);
        return ((Number) page.waitForFunction(SETTLED, null,
                new Page.WaitForFunctionOptions().setTimeout(SETTLE_TIMEOUT_MS)).jsonValue()).doubleValue();
    }

    public record Chart(double width, double height, int marks) {
    }

    public record Panel(String id, String state, String text, List<Chart> charts, List<Integer> tableRows) {
        /** What is wrong with this panel by the conventions, or nothing. */
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            switch (state) {
                case "ready" -> {
                    for (Chart chart : charts) {
                        if (chart.width() < 1 || chart.height() < 1 || chart.marks() < 3) {
                            problems.add(id + ": a chart is blank or has no size " + chart);
                        }
                    }
                    if (!charts.isEmpty() && tableRows.stream().noneMatch(rows -> rows > 0)) {
                        problems.add(id + ": its chart has no data table with rows beside it " + tableRows);
                    }
                }
                // an empty panel must say why and what to do
                case "empty" -> {
                    if (text.length() < 10) {
                        problems.add(id + ": empty without an explanation ('" + text + "')");
                    }
                }
                default -> problems.add(id + ": state " + state + " ('" + text + "')");
            }
            return problems;
        }
    }

    @SuppressWarnings("unchecked")
    public List<Panel> panels() {
        List<Panel> panels = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) page.evaluate(PANELS)) {
            List<Chart> charts = ((List<Map<String, Object>>) panel.get("charts")).stream()
                    .map(chart -> new Chart(number(chart, "width"), number(chart, "height"),
                            (int) number(chart, "marks"))).toList();
            List<Integer> rows = ((List<Number>) panel.get("tableRows")).stream().map(Number::intValue).toList();
            panels.add(new Panel((String) panel.get("id"), (String) panel.get("state"), (String) panel.get("text"),
                    charts, rows));
        }
        return panels;
    }

    /** The page's text for the language checks (see {@link Catalogues}). */
    public String text() {
        return (String) page.evaluate(TEXT);
    }

    /** The page's language, {@code zh-CN} or {@code en}. */
    public String language() {
        return (String) page.evaluate("() => document.documentElement.lang");
    }

    /** axe-core's serious and critical violations on the page as it is now. */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        // evaluated through the debugging protocol, so that no page policy can refuse the script
        page.evaluate("() => { if (!window.axe) {\n" + axeSource() + "\n} }");
        return (List<String>) page.evaluate(AXE);
    }

    /** How many pixels the page is wider than the window (0 or less: no sideways scrolling). */
    public int horizontalOverflow() {
        return ((Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    /**
     * The navigation's links (at the top of the page, scrolled to) that are not wholly on screen or that something
     * else covers at their centre.
     */
    @SuppressWarnings("unchecked")
    public List<String> hiddenNavigation() {
        return (List<String>) page.evaluate("""
                () => { scrollTo(0, 0); return [...document.querySelectorAll('nav a[data-view]')].filter(link => {
                  const box = link.getBoundingClientRect();
                  if (box.width < 1 || box.height < 1 || box.left < 0 || box.right > innerWidth) return true;
                  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                  return !link.contains(top);
                }).map(link => link.dataset.view); }""");
    }

    public void screenshot(Path file) {
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
    }

    /** axe.min.js from the axe-core WebJar on the test class path (MPL-2.0). */
    private static synchronized String axeSource() {
        if (axeSource == null) {
            String base = "META-INF/resources/webjars/axe-core/";
            try (InputStream pom = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                Properties properties = new Properties();
                properties.load(pom);
                try (InputStream script = resource(base + properties.getProperty("version") + "/axe.min.js")) {
                    axeSource = new String(script.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path (the axe-core WebJar, a test dependency)");
        }
        return in;
    }

    private static double number(Map<String, Object> values, String name) {
        return ((Number) values.get(name)).doubleValue();
    }
}
