<#include "header.ftl">
<#include "menu.ftl">

<h1>${config.site_title}</h1>

<#list published_posts as post>
  <article>
    <h2><a href="${content.rootpath}${post.uri}">${post.title}</a></h2>
    <p class="date">${post.date?string("dd MMMM yyyy")}</p>
    <#if (post.summary)??><p class="summary">${post.summary}</p></#if>
    <#-- the body as text, as JBake's templates read it: an excerpt up to a marker -->
    <#assign more = post.body?index_of("<!-- more -->")>
    <#if more gt 0>${post.body?substring(0, more)}<p><a href="${content.rootpath}${post.uri}">Read more</a></p><#else>${post.body}</#if>
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

<#if published_notes?has_content>
  <h2>Notes</h2>
  <ul>
  <#list published_notes as note>
    <li><a href="${content.rootpath}${note.uri}">${note.title}</a></li>
  </#list>
  </ul>
</#if>

<#if published_fieldNotes?has_content>
  <h2>Field notes</h2>
  <ul>
  <#list published_fieldNotes as note>
    <li><a href="${content.rootpath}${note.uri}">${note.title}</a></li>
  </#list>
  </ul>
</#if>

<#include "footer.ftl">
