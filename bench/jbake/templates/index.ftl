<#include "header.ftl">
<#include "menu.ftl">

<h1>${config.site_title}</h1>

<#list published_posts as post>
  <article>
    <h2><a href="${content.rootpath}${post.uri}">${post.title}</a></h2>
    <p class="date">${post.date?string("dd MMMM yyyy")}<#if (post.author)??> by ${post.author}</#if></p>
    <#if (post.summary)??><p class="summary">${post.summary}</p></#if>
    <p class="tags"><#list post.tags as tag><a href="${content.rootpath}${config.tag_path}/${tag}.html">${tag}</a> </#list></p>
  </article>
</#list>

<#if config.index_paginate>
  <nav class="pager">
    <#if (previousFileName)??><a href="${content.rootpath}${previousFileName}">Newer posts</a></#if>
    <span>Page ${currentPageNumber} of ${numberOfPages}</span>
    <#if (nextFileName)??><a href="${content.rootpath}${nextFileName}">Older posts</a></#if>
  </nav>
</#if>

<#include "footer.ftl">
