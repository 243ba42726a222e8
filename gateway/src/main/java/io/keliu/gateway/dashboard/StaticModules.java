package io.keliu.gateway.dashboard;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's ES modules at content-versioned URLs ({@code /dashboard/lib/api-<md5>.js}, kept by the browser for
 * a year: {@link StaticCaching}). The modules import one another by their plain URLs ({@code ./lib/api.js}); the
 * page's import map maps each plain URL to its versioned one, and the page preloads its view's static import graph
 * ({@code <link rel="modulepreload">}) so that the browser fetches it at once instead of level by level as it
 * discovers the imports. Read from the jar once, at the first page.
 */
public class StaticModules {
    static final String ECHARTS = "/webjars/echarts/echarts.esm.min.js";
    private static final String ROOT = "/dashboard/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A static import or re-export: {@code import {a} from './a.js'}, {@code import 'x'}, {@code export * from …}. */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "(?m)^\\s*(?:import|export)\\s+(?:[^'\";()]*?\\s*from\\s*)?['\"]([^'\"]+)['\"]");

    private final ResourceUrlProvider urls;
    private final ResourcePatternResolver resources = new PathMatchingResourcePatternResolver();
    private volatile Graph graph;

    public StaticModules(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    /** Every module's plain URL and that of the bare {@code echarts}, each to its versioned URL: the import map. */
    public String importMap() {
        Map<String, String> imports = new TreeMap<>(graph().versioned());
        imports.put("echarts", imports.remove(ECHARTS));
        return JSON.writeValueAsString(Map.of("imports", imports)).replace("</", "<\\/");
    }

    /** The versioned URLs of {@code /dashboard/<view>.js} and every module it imports statically, at any depth. */
    public List<String> preloads(String view) {
        Graph modules = graph();
        Set<String> seen = new LinkedHashSet<>();
        List<String> next = new ArrayList<>(List.of(ROOT + view + ".js"));
        while (!next.isEmpty()) {
            String module = next.removeLast();
            if (modules.versioned().containsKey(module) && seen.add(module)) {
                next.addAll(modules.imports().getOrDefault(module, List.of()));
            }
        }
        return seen.stream().map(modules.versioned()::get).toList();
    }

    private Graph graph() {
        Graph known = graph;
        if (known == null) {
            known = read();
            graph = known;
        }
        return known;
    }

    private Graph read() {
        try {
            Map<String, String> versioned = new LinkedHashMap<>();
            Map<String, List<String>> imports = new LinkedHashMap<>();
            String root = resources.getResource("classpath:/static" + ROOT).getURI().toString();
            for (Resource resource : resources.getResources("classpath:/static" + ROOT + "**/*.js")) {
                String path = ROOT + resource.getURI().toString().substring(root.length());
                versioned.put(path, versionOf(path));
                imports.put(path, importsOf(path, resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            versioned.put(ECHARTS, versionOf(ECHARTS));
            return new Graph(versioned, imports);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the dashboard's modules", e);
        }
    }

    private String versionOf(String path) {
        String url = urls.getForLookupPath(path);
        if (url == null) {
            throw new IllegalStateException("no static resource " + path);
        }
        return url;
    }

    /** The plain URLs a module imports statically (dynamic {@code import()} loads later, on demand: left out). */
    static List<String> importsOf(String path, String source) {
        List<String> found = new ArrayList<>();
        Matcher matcher = STATIC_IMPORT.matcher(source);
        while (matcher.find()) {
            String specifier = matcher.group(1);
            found.add(specifier.startsWith(".") ? URI.create(path).resolve(specifier).toString()
                    : specifier.equals("echarts") ? ECHARTS : specifier);
        }
        return found;
    }

    private record Graph(Map<String, String> versioned, Map<String, List<String>> imports) {
    }
}
