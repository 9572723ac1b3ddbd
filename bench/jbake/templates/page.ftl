<#include "header.ftl">
<#include "menu.ftl">

<h1>${content.title}</h1>
${content.body}

<#include "footer.ftl">
