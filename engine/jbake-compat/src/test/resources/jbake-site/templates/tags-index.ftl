<#include "header.ftl">
<#include "menu.ftl">

<h1>Tags</h1>
<ul>
<#list tags?sort_by("name") as tag>
  <li><a href="${content.rootpath}${tag.uri}">${tag.name}</a>: ${tag.tagged_posts?size} posts, ${tag.tagged_documents?size} documents (${db.getPublishedPostsByTag(tag.name).size()} posts by JBake's database)</li>
</#list>
</ul>

<#include "footer.ftl">
