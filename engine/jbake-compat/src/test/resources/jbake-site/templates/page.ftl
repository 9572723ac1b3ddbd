<#include "header.ftl">
<#include "menu.ftl">

<h1>${content.title}</h1>
<p class="date">Last updated ${content.date?string("d MMMM yyyy")}</p>
${content.body}

<#assign team = data.get("team.yaml")>
<h2>${team.title}</h2>
<ul>
<#list team.members as member>
  <li>${member.name} (${member.role}<#if (member.lead)?? && member.lead>, lead</#if>), since ${member.joined?string("MMMM yyyy")}:
    ${member.surveys} surveys, ${member.surveys + 1} with the next one</li>
</#list>
</ul>
<p>${team.members.size()} members<#if team.members.get(0).containsKey("lead")>, led</#if>; regions of two words: ${team.regions?keys?filter(key -> key.contains(" "))?sort?join(", ")}.</p>
<p>Stations: <#list data.get("stations.yml").data as station>${station}<#sep>, </#sep></#list>.</p>

<h2>All pages</h2>
<ul>
<#list published_pages as page>
  <li><a href="${content.rootpath}${page.uri}">${page.title}</a></li>
</#list>
</ul>

<nav class="neighbours">
  <#if (content.previousContent)??><a rel="prev" href="${content.rootpath}${content.previousContent.uri}">Previous: ${content.previousContent.title}</a></#if>
  <#if (content.nextContent)??><a rel="next" href="${content.rootpath}${content.nextContent.uri}">Next: ${content.nextContent.title}</a></#if>
</nav>

<#include "footer.ftl">
