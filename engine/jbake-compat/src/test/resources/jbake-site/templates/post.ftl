<#include "header.ftl">
<#include "menu.ftl">

<#escape x as x?xml>
<article>
  <h1>${content.title}</h1>
  <p class="date">${content.date?string("EEEE, d MMMM yyyy")} (${content.status})</p>
  <#if (content.author)??><p class="author">By ${content.author}</p></#if>
  <#if (content.lang)??><p class="lang">Written in ${content.lang}</p></#if>
  <#noescape>${content.body}</#noescape>
  <#if content.tags?has_content>
  <p class="tags">Tagged:
    <#list content.tags as tag><a href="${content.rootpath}${config.tag_path}/${tag}.html">${tag}</a><#sep>, </#sep></#list>
  </p>
  </#if>
</article>
</#escape>

<nav class="neighbours">
  <#if (content.previousContent)??><a rel="prev" href="${content.rootpath}${content.previousContent.uri}">Previous: ${content.previousContent.title}</a></#if>
  <#if (content.nextContent)??><a rel="next" href="${content.rootpath}${content.nextContent.uri}">Next: ${content.nextContent.title}</a></#if>
</nav>

<#include "footer.ftl">
