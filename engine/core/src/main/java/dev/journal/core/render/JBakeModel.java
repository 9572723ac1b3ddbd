package dev.journal.core.render;

import dev.journal.core.JournalVersion;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.index.SiteIndex;
import dev.journal.core.index.SiteIndexer;
import dev.journal.core.index.Taxon;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.Slugs;
import dev.journal.core.parse.UrlPolicy;
import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.DefaultMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.ObjectWrapper;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JBake's template model (the names of JBake 2.7.0's Freemarker templates, with JBake's meaning),
 * made once per render from the index, so that a JBake site's templates render unchanged. What
 * JBake computes by querying its database while a page renders is prepared here instead.
 *
 * <p>Deliberate differences: {@code published_date} is the date of the newest article rather than
 * the time of the build, so that output depends on the clock only where a site has no dated
 * document ({@link #publishedDate}), and {@code db}, JBake's database, answers from the prepared
 * lists ({@link Database}).
 */
final class JBakeModel {

    private final SiteIndex index;
    private final Views views;
    private final SiteConfig config;
    private final Map<String, Map<String, Object>> data;

    /** @param data JBake's data files by their path in the data folder */
    JBakeModel(SiteIndex index, Views views, Map<String, Map<String, Object>> data) {
        this.index = index;
        this.views = views;
        this.config = index.config();
        this.data = data;
    }

    /** The names every page sees. */
    Map<String, Object> shared() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config", config(config));
        m.put("version", JournalVersion.get());
        m.put("published_posts", views.of(index.posts()));
        m.put("published_pages", views.of(SiteIndexer.newestFirst(index.pages())));
        m.put("published_content", views.of(byType(index.documents(), config)));
        // JBake's all_content, <type>s and posts hold drafts, which JBake renders; here drafts and
        // scheduled articles have no page outside the preview (where they are documents), so no
        // list names them either
        List<Article> all = index.documents();
        m.put("all_content", views.of(byType(all, config)));
        m.put("tags", views.tags(index.tags()));
        m.put("alltags", index.tags().stream().map(Taxon::name).toList());
        m.put("published_date", Date.from(publishedDate(index).toInstant()));
        m.put("db", new Database(m));
        m.put("data", new Data(data, config.get("data.folder").strip(), config.jbakeLayout() ? BEANS : null));
        // JBake's <type>s (every document of the type, drafts too) and published_<type>s; a name
        // JBake already uses (tags for a type "tag") keeps its meaning, as in JBake.
        for (String type : types(all, config)) {
            List<Article> every = all.stream().filter(a -> a.type().equals(type)).toList();
            m.putIfAbsent(type + "s", views.of(SiteIndexer.newestFirst(every)));
            m.putIfAbsent("published_" + type + "s",
                    views.of(SiteIndexer.newestFirst(index.documents().stream().filter(a -> a.type().equals(type))
                            .toList())));
        }
        return m;
    }

    /**
     * JBake's {@code published_date}: here the date of the newest article, so that two builds of
     * the same sources are the same; without articles the newest document's, and without dated
     * documents the build's "now" (JBake's is always the time of the build).
     */
    static java.time.ZonedDateTime publishedDate(SiteIndex index) {
        // a date written in a header before one read from a file's time (JBake's layout), which a
        // checkout changes; an article's before another document's
        return newest(index.posts(), true).or(() -> newest(index.documents(), true))
                .or(() -> newest(index.posts(), false)).or(() -> newest(index.documents(), false))
                .orElse(index.now());
    }

    /** The latest date of the documents (written in their headers only, when {@code written}). */
    private static java.util.Optional<java.time.ZonedDateTime> newest(List<Article> documents, boolean written) {
        return documents.stream().filter(a -> a.date() != null && (!written || a.lines().containsKey("date")))
                .map(Article::date).max(Comparator.comparing(java.time.ZonedDateTime::toInstant));
    }

    /** What a tag's page adds: the tag's name and its articles and documents. */
    Map<String, Object> tagPage(Taxon t) {
        Map<String, Object> tag = views.tag(t);
        Map<String, Object> m = new HashMap<>();
        m.put("tag", t.name());
        m.put("tag_posts", tag.get("tagged_posts"));
        m.put("tagged_posts", tag.get("tagged_posts"));
        m.put("tagged_documents", tag.get("tagged_documents"));
        return m;
    }

    /**
     * JBake's {@code content} of a page that is not a document: its type ({@code masterindex},
     * {@code tag}, {@code tags}, {@code archive}, {@code feed}, {@code sitemap}, {@code error404})
     * and the way back to the site's root.
     */
    static Map<String, Object> listContent(String type, String rootpath) {
        return Map.of("type", type, "rootpath", rootpath);
    }

    /**
     * JBake's paging variables for page {@code n} of {@code targets}: {@code previousFileName} and
     * {@code nextFileName} are relative to the first page's folder, a folder rather than its
     * {@code index.html} ({@code 2/}, and {@code ""} for the first page), and absent at the ends.
     */
    static void paging(Map<String, Object> model, int n, List<UrlPolicy.Target> targets) {
        model.put("numberOfPages", targets.size());
        model.put("currentPageNumber", n);
        if (n > 1) {
            model.put("previousFileName", fileName(targets.get(0), targets.get(n - 2)));
        }
        if (n < targets.size()) {
            model.put("nextFileName", fileName(targets.get(0), targets.get(n)));
        }
    }

    /** What JBake sets on its archive, feed, sitemap and 404 pages when the index is paginated. */
    static void noPaging(Map<String, Object> model) {
        model.put("numberOfPages", 0);
        model.put("currentPageNumber", 0);
        model.put("previousFileName", "");
        model.put("nextFileName", "");
    }

    /** JBake's page {@code n} of the home page: {@code n/index.html} whatever index.file's folder. */
    static UrlPolicy.Target indexPage(UrlPolicy urls, UrlPolicy.Target first, int n) {
        return n <= 1 ? first : urls.file(n + "/" + first.outputPath());
    }

    private static String fileName(UrlPolicy.Target first, UrlPolicy.Target target) {
        String firstPath = first.outputPath();
        String dir = firstPath.substring(0, firstPath.lastIndexOf('/') + 1);
        String path = target.outputPath().startsWith(dir) ? target.outputPath().substring(dir.length())
                : target.outputPath();
        String name = path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path;
        return UrlPolicy.encode(name);
    }

    /**
     * Documents in JBake's order: by type (page, post, then custom types in the order of their
     * {@code template.<type>.file} keys), newest first within a type.
     */
    static List<Article> byType(List<Article> documents, SiteConfig config) {
        List<String> order = types(documents, config);
        Map<Integer, List<Article>> byPlace = new java.util.TreeMap<>();
        for (Article a : documents) {
            byPlace.computeIfAbsent(order.indexOf(a.type()), k -> new ArrayList<>()).add(a);
        }
        List<Article> sorted = new ArrayList<>(documents.size());
        byPlace.values().forEach(ofType -> sorted.addAll(SiteIndexer.newestFirst(ofType)));
        return sorted;
    }

    private static List<String> types(List<Article> documents, SiteConfig config) {
        Set<String> present = new LinkedHashSet<>();
        documents.forEach(a -> present.add(a.type()));
        List<String> custom = new ArrayList<>(present);
        custom.removeAll(List.of("page", "post"));
        custom.sort(Comparator.<String>comparingInt(t -> {
            int line = config.line("template." + t + ".file");
            return line == 0 ? Integer.MAX_VALUE : line;
        }).thenComparing(Comparator.naturalOrder()));
        List<String> order = new ArrayList<>(List.of("page", "post"));
        order.addAll(custom);
        return order;
    }

    /**
     * JBake's {@code config}: every key with {@code .} as {@code _}. A value {@code true} or
     * {@code false} is also a boolean ({@code <#if config.index_paginate>}), and a value with commas
     * also a list, as JBake's configuration splits it; each still prints as written.
     */
    static Map<String, Object> config(SiteConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        config.templateValues().forEach((k, v) -> {
            String t = v.trim();
            if (t.equals("true") || t.equals("false")) {
                out.put(k, new BooleanText(v, t.equals("true")));
            } else if (v.contains(",")) {
                // as JBake's configuration splits a value: at each comma but an escaped one (\\, in
                // the file, \, once read), which stays a comma of the text
                List<String> parts = SiteConfig.items(v);
                String text = v.replace("\\,", ",");
                out.put(k, parts.size() > 1 ? new ListText(text, parts) : text);
            } else {
                out.put(k, v);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** A configuration value that is text and a boolean. */
    static final class BooleanText implements TemplateScalarModel, TemplateBooleanModel {
        private final String text;
        private final boolean value;

        BooleanText(String text, boolean value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public String getAsString() {
            return text;
        }

        @Override
        public boolean getAsBoolean() {
            return value;
        }
    }

    /** A configuration value that is text and a list of its comma-separated parts. */
    static final class ListText implements TemplateScalarModel, TemplateSequenceModel {
        private final String text;
        private final List<String> parts;

        ListText(String text, List<String> parts) {
            this.text = text;
            this.parts = parts;
        }

        @Override
        public String getAsString() {
            return text;
        }

        @Override
        public TemplateModel get(int i) {
            return i >= 0 && i < parts.size() ? new SimpleScalar(parts.get(i)) : null;
        }

        @Override
        public int size() {
            return parts.size();
        }
    }

    /**
     * How JBake hands data files to templates: through Freemarker's BeansWrapper, so that their
     * values are Java objects whose methods templates call ({@code members.size()},
     * {@code people.keySet()}, {@code name.contains(" ")}), and whose {@code ?keys} lists the
     * methods too. Unlike JBake's, a key wins over a method of the same name ({@code team.size} is
     * the file's {@code size}, not the map's method), as it does with the journal's layout. The
     * values are the safe loader's (text, numbers, dates, lists, maps, all unmodifiable), and
     * {@link NoClasses} keeps reflection out of reach.
     */
    static final ObjectWrapper BEANS;

    static {
        BeansWrapper beans = new BeansWrapper(Configuration.VERSION_2_3_34);
        beans.setMethodsShadowItems(false); // not a setting of BeansWrapperBuilder
        beans.setMemberAccessPolicy(new NoClasses(DefaultMemberAccessPolicy.getInstance(Configuration.VERSION_2_3_34)));
        beans.writeProtect();
        BEANS = beans;
    }

    /**
     * Freemarker's default member access policy without {@code getClass()}: the one way from a data
     * value to reflection ({@code x.class.protectionDomain}, {@code x.getClass().getMethods()}),
     * which the default policy leaves open in part.
     */
    private record NoClasses(MemberAccessPolicy base) implements MemberAccessPolicy {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> c) {
            ClassMemberAccessPolicy members = base.forClass(c);
            return new ClassMemberAccessPolicy() {
                @Override
                public boolean isMethodExposed(Method method) {
                    return !method.getName().equals("getClass") && members.isMethodExposed(method);
                }

                @Override
                public boolean isConstructorExposed(Constructor<?> constructor) {
                    return members.isConstructorExposed(constructor);
                }

                @Override
                public boolean isFieldExposed(Field field) {
                    return members.isFieldExposed(field);
                }
            };
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return base.isToStringAlwaysExposed();
        }
    }

    /**
     * JBake's data files: {@code data.get("team.yaml")} is the file's values. A file that does not
     * exist is an error (JBake gives an empty map).
     */
    static final class Data implements TemplateHashModel {
        private final Map<String, Map<String, Object>> files;
        private final String folder;
        private final ObjectWrapper wrapper;

        /** @param wrapper how the values are wrapped: {@link #BEANS} with JBake's layout, else null (the template's) */
        Data(Map<String, Map<String, Object>> files, String folder, ObjectWrapper wrapper) {
            this.files = files;
            this.folder = folder;
            this.wrapper = wrapper;
        }

        Map<String, Map<String, Object>> files() {
            return files;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            if (!key.equals("get")) {
                throw new TemplateModelException("data." + key + ": JBake's data files are read with data.get(\"name.yaml\")");
            }
            return (TemplateMethodModelEx) args -> {
                if (args.size() != 1 || !(args.get(0) instanceof TemplateScalarModel name)) {
                    throw new TemplateModelException("data.get takes the name of one data file, e.g."
                            + " data.get(\"team.yaml\")");
                }
                Map<String, Object> values = files.get(name.getAsString());
                if (values == dev.journal.core.load.DataFiles.UNREADABLE) {
                    throw new TemplateModelException("the data file " + folder + "/" + name.getAsString()
                            + " could not be read (its error is reported at the file)");
                }
                if (values == null) {
                    throw new TemplateModelException("there is no data file " + folder + "/" + name.getAsString()
                            + (files.isEmpty() ? "" : " (the data files are " + String.join(", ", files.keySet()) + ")"));
                }
                return wrapper == null ? values : wrapper.wrap(values);
            };
        }

        @Override
        public boolean isEmpty() {
            return files.isEmpty();
        }
    }

    /**
     * A list {@code db} hands out: a sequence whose items are wrapped as the model's other lists'
     * are (bodies as HTML, maps as maps), with the methods of the Java list JBake hands out
     * ({@code size()}, {@code isEmpty()}, {@code get(i)}, {@code contains(x)}), which its templates call.
     */
    static final class JavaList implements TemplateSequenceModel, TemplateHashModel {
        private final List<?> items;

        JavaList(List<?> items) {
            this.items = items;
        }

        @Override
        public TemplateModel get(int i) throws TemplateModelException {
            return i >= 0 && i < items.size() ? wrap(items.get(i)) : null;
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return switch (key) {
                case "size" -> (TemplateMethodModelEx) args -> new SimpleNumber(items.size());
                case "isEmpty" -> (TemplateMethodModelEx) args -> items.isEmpty() ? TemplateBooleanModel.TRUE
                        : TemplateBooleanModel.FALSE;
                case "get" -> (TemplateMethodModelEx) args -> args.size() == 1
                        && args.get(0) instanceof freemarker.template.TemplateNumberModel n
                        ? get(n.getAsNumber().intValue()) : null;
                case "contains" -> (TemplateMethodModelEx) args -> args.size() == 1
                        && args.get(0) instanceof TemplateScalarModel text && items.contains(text.getAsString())
                        ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
                default -> null; // missing, as a hash's unknown key is (so that x.foo?? and x.foo! work)
            };
        }

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }

        /** A value as the rendering template's model wraps its values. */
        static TemplateModel wrap(Object o) throws TemplateModelException {
            return Environment.getCurrentEnvironment().getObjectWrapper().wrap(o);
        }
    }

    /**
     * JBake's {@code db} (its ContentStore), answered from the prepared lists as JBake's queries
     * answer: {@code db.getPublishedPosts()}, {@code getPublishedPostsByTag(tag)},
     * {@code getPublishedDocumentsByTag(tag)}, {@code getPublishedPages()},
     * {@code getPublishedContent(type)}, {@code getAllContent(type)}, {@code getPublishedCount(type)},
     * {@code getDocumentCount(type)}, {@code getAllTags()}, {@code getTags()} and
     * {@code getDocumentByUri(sourceuri)}. Lists come as JBake's do, Java lists
     * ({@code .size()} and {@code ?size} alike), newest first. Paging ({@code getPublishedPosts(true)})
     * is not applied: the paginated home page's {@code published_posts} is its page's. The methods
     * that serve JBake's own bake (rendering state, signatures) fail with their file and line.
     * A page that reads {@code db} depends on every shared value (see TrackingModel).
     */
    static final class Database implements TemplateHashModel {

        /** Model names with the same lists, for the methods this engine has no answer to. */
        private static final String INSTEAD = "the prepared lists: published_posts, published_pages,"
                + " published_content, all_content, tags";

        /** The shared model, complete by the time a template calls a method. */
        private final Map<String, Object> shared;

        Database(Map<String, Object> shared) {
            this.shared = shared;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            return switch (key) {
                case "getPublishedPosts" -> call(key, 0, 1, a -> list("published_posts"));
                case "getPublishedPages" -> call(key, 0, 0, a -> list("published_pages"));
                case "getPublishedContent" -> call(key, 1, 1, a -> list("published_" + a.get(0) + "s"));
                case "getAllContent" -> call(key, 1, 2, a -> list(a.get(0) + "s"));
                case "getPublishedCount" -> call(key, 1, 1, a -> (long) list("published_" + a.get(0) + "s").size());
                case "getDocumentCount" -> call(key, 1, 1, a -> (long) list(a.get(0) + "s").size());
                case "getPublishedPostsByTag" -> call(key, 1, 1, a -> tagged(list("published_posts"), a.get(0)));
                case "getPublishedDocumentsByTag" -> call(key, 1, 1, a -> tagged(list("published_content"), a.get(0)));
                case "getAllTags" -> call(key, 0, 0, a -> allTags());
                case "getTags" -> call(key, 0, 0, a -> {
                    Set<String> posts = keys(list("published_posts"));
                    return allTags().stream().filter(t -> posts.contains(Slugs.key(t))).toList();
                });
                case "getDocumentByUri", "getDocumentStatus" -> call(key, 1, 1,
                        a -> list("all_content").stream().filter(d -> a.get(0).equals(d.get("sourceuri"))).toList());
                default -> throw new TemplateModelException("db." + key + " is a part of JBake's database that this"
                        + " engine does not have; use " + INSTEAD + " instead");
            };
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> list(String name) {
            Object v = shared.get(name);
            return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of(); // a type no document has: none
        }

        /** The documents with a tag, its spellings taken as one as the tags' pages take them. */
        private static List<Map<String, Object>> tagged(List<Map<String, Object>> docs, String tag) {
            String key = Slugs.key(tag);
            return docs.stream().filter(d -> d.get("tags") instanceof List<?> t
                    && t.stream().anyMatch(x -> Slugs.key(String.valueOf(x)).equals(key))).toList();
        }

        /** The keys of the documents' tags. */
        private static Set<String> keys(List<Map<String, Object>> docs) {
            Set<String> out = new java.util.HashSet<>();
            for (Map<String, Object> d : docs) {
                if (d.get("tags") instanceof List<?> t) {
                    t.forEach(x -> out.add(Slugs.key(String.valueOf(x))));
                }
            }
            return out;
        }

        /** Every tag's name, as alltags lists them: sorted (JBake's are in its hash order; a build's output must not be). */
        @SuppressWarnings("unchecked")
        private List<String> allTags() {
            return shared.get("alltags") instanceof List<?> l ? (List<String>) l : List.of();
        }

        /** A method of {@code min} to {@code max} arguments (text, or a boolean, read as text), answered by {@code body}. */
        private static TemplateMethodModelEx call(String name, int min, int max,
                java.util.function.Function<List<String>, Object> body) {
            return args -> {
                if (args.size() < min || args.size() > max) {
                    throw new TemplateModelException("db." + name + " takes " + (min == max ? min : min + " to " + max)
                            + " argument" + (max == 1 ? "" : "s") + ", not " + args.size());
                }
                List<String> read = new ArrayList<>();
                for (Object arg : args) {
                    if (arg instanceof TemplateScalarModel text) {
                        read.add(text.getAsString());
                    } else if (arg instanceof TemplateBooleanModel b) {
                        read.add(String.valueOf(b.getAsBoolean()));
                    } else {
                        throw new TemplateModelException("db." + name + " takes text, such as a type or a tag");
                    }
                }
                Object answer = body.apply(read);
                return answer instanceof List<?> l ? new JavaList(l) : JavaList.wrap(answer);
            };
        }

        @Override
        public boolean isEmpty() {
            return false;
        }
    }
}
