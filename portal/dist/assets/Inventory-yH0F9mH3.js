import{i as e,n as t,t as n}from"./jsx-runtime-D86ktWoZ.js";import{a as r,b as i,g as a,i as o,m as s,x as c}from"./index-VAyfI4CW.js";var l=(function(){var e={defaultValue:null,kind:`LocalArgument`,name:`after`},t={defaultValue:null,kind:`LocalArgument`,name:`before`},n={defaultValue:null,kind:`LocalArgument`,name:`first`},r={defaultValue:null,kind:`LocalArgument`,name:`last`},i={defaultValue:null,kind:`LocalArgument`,name:`where`},a={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},o={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},u={alias:null,args:[{kind:`Variable`,name:`after`,variableName:`after`},{kind:`Variable`,name:`before`,variableName:`before`},{kind:`Variable`,name:`first`,variableName:`first`},{kind:`Variable`,name:`last`,variableName:`last`},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`NAME`}},{kind:`Variable`,name:`where`,variableName:`where`}],concreteType:`InventoryItemConnection`,kind:`LinkedField`,name:`inventoryItems`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasPreviousPage`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`startCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`InventoryItemEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`InventoryItem`,kind:`LinkedField`,name:`node`,plural:!1,selections:[a,o,{alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`labels`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[a,l],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null},d={alias:null,args:[{kind:`Literal`,name:`first`,value:500},{kind:`Literal`,name:`includeRetired`,value:!0},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`SKU`}}],concreteType:`ProductConnection`,kind:`LinkedField`,name:`products`,plural:!1,selections:[{alias:null,args:null,concreteType:`ProductEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`node`,plural:!1,selections:[a,l,{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[a],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`products(first:500,includeRetired:true,orderBy:{"direction":"ASC","field":"SKU"})`};return{fragment:{argumentDefinitions:[e,t,n,r,i],kind:`Fragment`,metadata:null,name:`InventoryQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[a,o,s,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[c],storageKey:null}],storageKey:null},u,d],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[n,e,r,t,i],kind:`Operation`,name:`InventoryQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[a,o,s,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[c,a],storageKey:null}],storageKey:null},u,d]},params:{cacheID:`e8f0edfac00c0b2d83db281cc4b97261`,id:null,metadata:{},name:`InventoryQuery`,operationKind:`query`,text:`query InventoryQuery(
  $first: Int
  $after: Cursor
  $last: Int
  $before: Cursor
  $where: InventoryItemWhereInput
) {
  viewer {
    id
    name
    role
    costCenter {
      code
      id
    }
  }
  inventoryItems(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: {field: NAME, direction: ASC}) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      node {
        id
        name
        pool
        labels
        status
        statusChangedAt
        lastError
        product {
          id
          sku
        }
      }
    }
  }
  products(first: 500, includeRetired: true, orderBy: {field: SKU, direction: ASC}) {
    edges {
      node {
        id
        sku
        components {
          id
        }
      }
    }
  }
}
`}}})();l.hash=`952cd27797cca9c5ef7adb4cb25c2d01`;var u=e(),d=t(),f=n(),p=50,m=[`AVAILABLE`,`RESERVING`,`LEASED`,`REBUILDING`,`MAINTENANCE`,`ARCHIVING`,`ARCHIVED`],h=l;function g(e){let t={},n=e.get(`sku`),r=e.get(`status`),i=e.get(`pool`);n&&(t.hasProductWith=[{sku:n}]),r&&m.includes(r)&&(t.status=r),i&&(t.pool=i);let a=e.get(`before`),o=e.get(`after`);return a?{last:50,before:a,where:t}:{first:50,after:o??null,where:t}}function _(){let{search:e,navigate:t}=c(),n=g(e),l=(0,d.useLazyLoadQuery)(h,n,{fetchPolicy:`store-and-network`});a(l.viewer);let p=Math.max(1,Number(e.get(`page`)??`1`)||1),[_,v]=(0,u.useState)({sku:e.get(`sku`)??``,status:e.get(`status`)??``,pool:e.get(`pool`)??``}),y=(e,n)=>{let r=new URLSearchParams;_.sku&&r.set(`sku`,_.sku),_.status&&r.set(`status`,_.status),_.pool.trim()&&r.set(`pool`,_.pool.trim());for(let[t,n]of Object.entries(e))r.set(t,n);n>1&&r.set(`page`,String(n)),t(`/admin/inventory${r.size?`?${r}`:``}`)},b=e=>{e.preventDefault(),y({},1)},x=l.inventoryItems,S=(x.edges??[]).flatMap(e=>e?.node?[e.node]:[]),C=(l.products.edges??[]).flatMap(e=>e?.node&&e.node.components.length===0?[e.node.sku]:[]),w=(p-1)*50+1;return(0,f.jsxs)(`section`,{children:[(0,f.jsxs)(`div`,{className:`page-head`,children:[(0,f.jsx)(`h1`,{children:`Inventory`}),(0,f.jsxs)(`p`,{className:`muted`,children:[x.totalCount.toLocaleString(),` items match`]}),(0,f.jsx)(i,{to:`/admin/import`,children:`Import from CSV`})]}),(0,f.jsxs)(`form`,{className:`filters`,onSubmit:b,role:`search`,"aria-label":`Filter items`,children:[(0,f.jsxs)(`label`,{children:[`SKU`,(0,f.jsxs)(`select`,{value:_.sku,onChange:e=>v({..._,sku:e.target.value}),children:[(0,f.jsx)(`option`,{value:``,children:`any`}),C.map(e=>(0,f.jsx)(`option`,{children:e},e))]})]}),(0,f.jsxs)(`label`,{children:[`Status`,(0,f.jsxs)(`select`,{value:_.status,onChange:e=>v({..._,status:e.target.value}),children:[(0,f.jsx)(`option`,{value:``,children:`any`}),m.map(e=>(0,f.jsx)(`option`,{value:e,children:e.toLowerCase()},e))]})]}),(0,f.jsxs)(`label`,{children:[`Pool`,(0,f.jsx)(`input`,{value:_.pool,onChange:e=>v({..._,pool:e.target.value}),placeholder:`e.g. rack-a`,size:12})]}),(0,f.jsx)(`button`,{type:`submit`,className:`primary`,children:`Filter`}),(e.get(`sku`)||e.get(`status`)||e.get(`pool`))&&(0,f.jsx)(`button`,{type:`button`,onClick:()=>{v({sku:``,status:``,pool:``}),t(`/admin/inventory`)},children:`Clear`})]}),S.length===0?(0,f.jsx)(s,{children:`No item matches.`}):(0,f.jsx)(`div`,{className:`table-wrap`,children:(0,f.jsxs)(`table`,{children:[(0,f.jsx)(`thead`,{children:(0,f.jsxs)(`tr`,{children:[(0,f.jsx)(`th`,{scope:`col`,children:`Name`}),(0,f.jsx)(`th`,{scope:`col`,children:`SKU`}),(0,f.jsx)(`th`,{scope:`col`,children:`Status`}),(0,f.jsx)(`th`,{scope:`col`,children:`Pool`}),(0,f.jsx)(`th`,{scope:`col`,children:`Labels`}),(0,f.jsx)(`th`,{scope:`col`,children:`Since`}),(0,f.jsx)(`th`,{scope:`col`,children:`Last error`})]})}),(0,f.jsx)(`tbody`,{children:S.map(e=>(0,f.jsxs)(`tr`,{"data-item":e.name,children:[(0,f.jsx)(`td`,{children:(0,f.jsx)(i,{to:`/admin/items/${e.id}`,className:`mono`,children:e.name})}),(0,f.jsx)(`td`,{children:(0,f.jsx)(`span`,{className:`sku`,children:e.product.sku})}),(0,f.jsx)(`td`,{children:(0,f.jsx)(o,{value:e.status})}),(0,f.jsx)(`td`,{children:e.pool??`—`}),(0,f.jsx)(`td`,{children:e.labels.join(`, `)}),(0,f.jsx)(`td`,{children:(0,f.jsx)(r,{value:e.statusChangedAt})}),(0,f.jsx)(`td`,{className:`muted`,children:e.lastError??``})]},e.id))})]})}),(0,f.jsxs)(`nav`,{className:`pager`,"aria-label":`Pages`,children:[(0,f.jsx)(`button`,{type:`button`,disabled:!x.pageInfo.hasPreviousPage||p<=1,onClick:()=>y(p-1>1?{before:x.pageInfo.startCursor??``}:{},p-1),children:`← Previous`}),(0,f.jsxs)(`span`,{children:[S.length>0?`${w.toLocaleString()}–${(w+S.length-1).toLocaleString()} of ${x.totalCount.toLocaleString()}`:``,` · page `,p,` of `,Math.max(1,Math.ceil(x.totalCount/50)).toLocaleString()]}),(0,f.jsx)(`button`,{type:`button`,disabled:!x.pageInfo.hasNextPage&&!e.get(`before`),onClick:()=>y({after:x.pageInfo.endCursor??``},p+1),children:`Next →`})]})]})}export{p as PAGE,_ as default,g as inventoryVariables};