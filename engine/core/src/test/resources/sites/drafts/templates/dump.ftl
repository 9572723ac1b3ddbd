<#-- Lists every collection of the template model, so a hidden article leaking into any of them shows. -->
<html><body>
<#list all_content as c><p>${c.title} ${c.uri} ${c.summary!} <#list c.tags as t>${t} </#list><#list c.author_names as a>${a} </#list></p></#list>
<#list published_content as c><p>${c.title} ${c.uri}</p></#list>
<#list published_posts as c><p>${c.title}</p></#list>
<#list published_pages as c><p>${c.title}</p></#list>
<#list posts as c><p>${c.title}|${c.date?string("yyyy-MM-dd")}</p></#list>
<#list pages as c><p>${c.title}</p></#list>
<#list alltags as t><p>${t}</p></#list>
<#list tags as t><p>${t.name} ${t.uri}</p></#list>
<#list authors as a><p>${a.name} ${a.uri}</p></#list>
<#list archive as y><#list y.months as m><#list m.posts as c><p>${c.title}</p></#list></#list></#list>
<#list site.nav as n><p>${n.title} ${n.uri}</p></#list>
<#if content.previousContent??>${content.previousContent.title}</#if><#if content.nextContent??>${content.nextContent.title}</#if>
<#list related as r><p>${r.title}</p></#list>
</body></html>
