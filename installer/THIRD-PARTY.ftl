<#-- FreeMarker template of license-maven-plugin's add-third-party goal (profile "installer"). -->
Third-party software bundled with this application
==================================================

The application itself is licensed as its LICENSE file says (Apache-2.0).

It bundles the ${dependencyMap?size} libraries listed below, each under the licence(s) its own
Maven POM declares. This list is generated at build time from the POMs of the exact versions
bundled; the jars are in the application's lib/app folder (app on Windows, Contents/app on macOS).

It also bundles a Java runtime made by jlink from OpenJDK, licensed under GPL-2.0 with the
Classpath Exception; the runtime's own notices are in its legal/ folder (lib/runtime/legal on
Linux, runtime/legal on Windows, Contents/runtime/Contents/Home/legal on macOS).

<#list dependencyMap as e>
<#assign p = e.getKey()/>
<#assign licenses = e.getValue()/>
- ${p.groupId}:${p.artifactId}:${p.version}<#if p.name?? && !p.name?contains("Unnamed")> (${p.name})</#if>
  licence: <#list licenses as l>${l}<#sep>; </#sep></#list>
<#if p.url??>
  home: ${p.url}
</#if>
</#list>
