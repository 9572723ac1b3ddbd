<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8"/>
    <title><#if (content.title)??><#escape x as x?xml>${content.title}</#escape> | </#if>${config.site_title}</title>
    <meta name="description" content="${config.site_description}">
    <#if (content.og)??>
    <meta property="og:description" content="${content.og.description}"/>
    </#if>
    <#if (content.noExtensionUri)??><link rel="canonical" href="${config.site_host}/${content.noExtensionUri}"></#if>
    <link href="${content.rootpath}css/site.css" rel="stylesheet">
    <link href="${content.rootpath}${config.feed_file}" rel="alternate" type="application/rss+xml" title="${config.site_title}">
  </head>
  <body>
