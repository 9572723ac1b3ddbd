    </main>
    <footer>
      <p>${config.site_description}.
        ${published_posts?size} posts on this page, <span class="with-drafts">${posts?size} written</span>,
        ${published_content?size} published documents, <span class="with-drafts">${all_content?size} documents in
        all</span>.</p>
      <p>Tags: <#list alltags?sequence?sort as t>${t}<#sep>, </#sep></#list>.</p>
      <p class="keywords">Keywords: ${config.site_keywords}.</p>
      <p class="generator">Baked with <span class="version">${version}</span>.</p>
    </footer>
  </body>
</html>
