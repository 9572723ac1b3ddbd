<#include "header.ftl">
<#include "menu.ftl">

<h1>Tag: ${tag}</h1>

<#list tag_posts as post>
  <#if (last_month)??>
    <#if post.date?string("MMMM yyyy") != last_month>
      </ul>
      <h2>${post.date?string("MMMM yyyy")}</h2>
      <ul>
    </#if>
  <#else>
    <h2>${post.date?string("MMMM yyyy")}</h2>
    <ul>
  </#if>
  <li>${post.date?string("dd")} - <a href="${content.rootpath}${post.uri}">${post.title}</a></li>
  <#assign last_month = post.date?string("MMMM yyyy")>
</#list>
<#if tag_posts?has_content></ul></#if>

<#include "footer.ftl">
