<#include "header.ftl">
<#include "menu.ftl">

<h1>Not found</h1>
<p>There is no page here. The latest posts:</p>
<ul>
<#list published_posts as post><#if post?index < 3>
  <li><a href="${content.rootpath}${post.uri}">${post.title}</a></li>
</#if></#list>
</ul>

<#include "footer.ftl">
