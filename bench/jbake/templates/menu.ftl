    <nav class="menu">
      <a href="${content.rootpath}${config.index_file}">${config.site_title}</a>
      <a href="${content.rootpath}pages/about.html">About</a>
      <a href="${content.rootpath}${config.archive_file}">Archive</a>
      <a href="${content.rootpath}${config.tag_path}/index.html">Tags</a>
      <a href="${content.rootpath}${config.feed_file}">Subscribe</a>
    </nav>
    <main>
