/**
 * The page's only CSS and only script, inlined so a card opens in one round trip. The script is
 * plain ES5 (no arrow functions, let/const or template literals) for old in-app browsers; the page
 * works without it: the call button is a tel: link, the form posts normally, the link is shown.
 */

export const CARD_CSS = `*{box-sizing:border-box}[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:#f2f4f7;color:#1f2329;font:16px/1.65 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;padding-bottom:76px}
a{color:#0b57d0}
.wrap{max-width:640px;margin:0 auto;background:#fff;min-height:100vh}
.hd{display:flex;justify-content:space-between;align-items:center;padding:10px 16px;background:#0b3d91;color:#fff;font-size:14px}
.tag{display:inline-block;padding:1px 8px;border:1px solid rgba(255,255,255,.6);border-radius:10px;font-size:12px}
.cover{margin:0;background:#dfe3ea}
.cover img,.gal img{display:block;width:100%;height:auto}
.body{padding:16px}
h1{font-size:22px;line-height:1.35;margin:4px 0 8px}
h2{font-size:17px;margin:24px 0 8px;padding-left:10px;border-left:4px solid #0b3d91}
.sum{color:#4e5969;margin:0 0 12px}
.figs{display:flex;flex-wrap:wrap;margin:12px -4px 0;padding:0}
.figs div{flex:1 1 45%;margin:4px;padding:10px 12px;background:#f5f8ff;border-radius:8px}
.figs dt{font-size:12px;color:#646a73}
.figs dd{margin:0;font-weight:600;color:#0b3d91;word-break:break-all}
.rt ul,.rt ol{padding-left:1.3em;margin:8px 0}
.rt p{margin:8px 0}
.gal img{margin-top:8px;border-radius:6px}
.contact p{margin:4px 0}
form{margin:0}
label{display:block;margin:10px 0 4px;font-size:14px;color:#4e5969}
input,textarea{display:block;width:100%;padding:10px 12px;border:1px solid #c9cdd4;border-radius:6px;font:inherit;background:#fff;color:inherit;-webkit-appearance:none;appearance:none}
input:focus,textarea:focus{outline:2px solid #0b57d0;border-color:#0b57d0}
textarea{min-height:88px;resize:vertical}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
.req{color:#d03050}
.note{font-size:12px;color:#646a73}
.msg{min-height:1.6em;margin:8px 0 0;color:#0b3d91}
.done .fields{display:none}
.btn{display:inline-block;padding:11px 16px;border:1px solid #0b3d91;border-radius:22px;background:#fff;color:#0b3d91;font:inherit;font-size:15px;text-align:center;text-decoration:none;cursor:pointer}
.btn.pri{background:#0b3d91;color:#fff}
.btn[disabled]{opacity:.6}
.sub{width:100%;margin-top:16px}
.lnk{word-break:break-all;font-size:13px;color:#4e5969;-webkit-user-select:all;user-select:all}
.bar{position:fixed;left:0;right:0;bottom:0;display:flex;justify-content:center;padding:8px 12px calc(8px + env(safe-area-inset-bottom));background:rgba(255,255,255,.97);border-top:1px solid #e5e6eb}
.bar .btn{flex:1;max-width:200px;margin:0 4px}
.ft{padding:20px 16px 28px;text-align:center;font-size:12px;color:#646a73}
.notice{padding:48px 24px;text-align:center}
.notice h1{font-size:20px}
.notice p{color:#4e5969}
@media (min-width:641px){body{padding-top:16px}.wrap{border-radius:12px;overflow:hidden;box-shadow:0 2px 12px rgba(0,0,0,.06)}}`;

export const CARD_SCRIPT = String.raw`(function(){
var d=document,b=d.body,ua=navigator.userAgent||"",weixin=/MicroMessenger/i.test(ua);
function byId(id){return d.getElementById(id);}
function say(el,text){if(el){el.innerHTML="";el.appendChild(d.createTextNode(text));}}
function legacyCopy(text){var t=d.createElement("textarea"),ok=false;t.value=text;t.setAttribute("readonly","");t.className="hp";b.appendChild(t);t.select();try{ok=d.execCommand("copy");}catch(e){ok=false;}b.removeChild(t);return ok;}
function copy(text,done){if(navigator.clipboard&&navigator.clipboard.writeText){navigator.clipboard.writeText(text).then(function(){done(true);},function(){done(legacyCopy(text));});}else{done(legacyCopy(text));}}
var url=b.getAttribute("data-share"),title=b.getAttribute("data-title"),fw=byId("fw"),fwMsg=byId("fw-msg");
if(fw&&url){fw.removeAttribute("hidden");fw.onclick=function(){
if(navigator.share&&!weixin){navigator.share({title:title,url:url})["catch"](function(){});return;}
copy(url,function(ok){say(fwMsg,ok?(weixin?"链接已复制。也可点右上角「…」直接转发给朋友。":"链接已复制，可粘贴发送给朋友。"):"请长按上方链接复制后转发。");});};}
var f=byId("fm"),msg=byId("fm-msg");
if(f&&window.XMLHttpRequest&&window.JSON&&!f.getAttribute("data-preview")){f.onsubmit=function(){
var names=["name","company","mobile","message","r","website"],data={},i,el,btn=byId("fm-go");
for(i=0;i<names.length;i++){el=f.elements[names[i]];if(el){data[names[i]]=el.value;}}
if(!/^1[3-9]\d{9}$/.test(data.mobile)){say(msg,"请填写正确的11位手机号码。");return false;}
var x=new XMLHttpRequest();x.open("POST",f.getAttribute("action"),true);
x.setRequestHeader("Content-Type","application/json");x.setRequestHeader("Accept","application/json");
x.onreadystatechange=function(){if(x.readyState!==4){return;}if(btn){btn.disabled=false;}
var body=null;try{body=JSON.parse(x.responseText);}catch(e){body=null;}
if(x.status>=200&&x.status<300){f.className+=" done";say(msg,(body&&body.message)||"提交成功，我们会尽快与您联系。");}
else if(x.status===0){f.onsubmit=null;f.submit();}
else{say(msg,(body&&body.message)||"提交失败，请稍后再试。");}};
if(btn){btn.disabled=true;}say(msg,"正在提交…");x.send(JSON.stringify(data));return false;};}
if(f&&f.getAttribute("data-preview")){f.onsubmit=function(){say(msg,"预览中，表单不会提交。");return false;};}
})();`;

/** The site's icon (the console's and the card pages'): served as /favicon.svg, and as /favicon.ico for what asks for that. */
export const SITE_ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#1f5fbf"/><path d="M12 42c6-12 14-18 20-18s14 6 20 18" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round"/><path d="M20 42V32M32 42V26M44 42V32" stroke="#fff" stroke-width="4" stroke-linecap="round"/></svg>';

/** The icon links of every page the server renders. */
export const ICON_LINKS =
  '<link rel="icon" href="/favicon.ico" sizes="32x32"><link rel="icon" href="/favicon.svg" type="image/svg+xml">';
