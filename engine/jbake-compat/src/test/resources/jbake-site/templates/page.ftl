<#include "header.ftl">
<#include "menu.ftl">

<h1>${content.title}</h1>
<p class="date">Last updated ${content.date?string("d MMMM yyyy")}</p>
${content.body}

<h2>All pages</h2>
<ul>
<#list published_pages as page>
  <li><a href="${content.rootpath}${page.uri}">${page.title}</a></li>
</#list>
</ul>

<#include "footer.ftl">
