    <nav class="menu">
      <a href="${content.rootpath}${config.index_file}">${config.site_title}</a>
      <#list published_pages as page>
      <a href="${content.rootpath}${page.uri}">${page.title}</a>
      </#list>
      <a href="${content.rootpath}${config.archive_file}">Archive</a>
      <a href="${content.rootpath}${config.tag_path}/index.html">Tags</a>
      <a href="${content.rootpath}${config.feed_file}">Subscribe</a>
    </nav>
    <main>
