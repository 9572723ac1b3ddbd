<#include "header.ftl">
<#include "menu.ftl">

<h1>${content.title}</h1>
<p class="kind">A ${content.type} from ${content.date?string("MMMM yyyy")}</p>
${content.body}
<#if content.tags?has_content>
<p class="tags"><#list content.tags as tag><a href="${content.rootpath}${config.tag_path}/${tag}.html">${tag}</a> </#list></p>
</#if>

<#include "footer.ftl">
