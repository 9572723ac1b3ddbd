    </main>
    <footer>
      <p>${config.site_description}.
        ${published_posts?size} posts on this page, ${posts?size} written, ${published_content?size} published documents,
        ${all_content?size} documents in all.</p>
      <p>Tags: <#list alltags?sequence?sort as t>${t}<#sep>, </#sep></#list>.</p>
      <p class="generator">Baked with <span class="version">${version}</span>.</p>
    </footer>
  </body>
</html>
