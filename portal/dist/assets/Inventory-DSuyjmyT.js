import{a as e,p as t,t as n}from"./jsx-runtime-CXqrrld7.js";import{A as r,E as i,h as a,k as o,m as s,w as c}from"./index-D6nKLD1m.js";var l=(function(){var e={defaultValue:null,kind:`LocalArgument`,name:`after`},t={defaultValue:null,kind:`LocalArgument`,name:`before`},n={defaultValue:null,kind:`LocalArgument`,name:`first`},r={defaultValue:null,kind:`LocalArgument`,name:`last`},i={defaultValue:null,kind:`LocalArgument`,name:`where`},a={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},o={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},s={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},c={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},l={alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},u={alias:null,args:[{kind:`Variable`,name:`after`,variableName:`after`},{kind:`Variable`,name:`before`,variableName:`before`},{kind:`Variable`,name:`first`,variableName:`first`},{kind:`Variable`,name:`last`,variableName:`last`},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`NAME`}},{kind:`Variable`,name:`where`,variableName:`where`}],concreteType:`InventoryItemConnection`,kind:`LinkedField`,name:`inventoryItems`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`totalCount`,storageKey:null},{alias:null,args:null,concreteType:`PageInfo`,kind:`LinkedField`,name:`pageInfo`,plural:!1,selections:[{alias:null,args:null,kind:`ScalarField`,name:`hasNextPage`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`hasPreviousPage`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`startCursor`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`endCursor`,storageKey:null}],storageKey:null},{alias:null,args:null,concreteType:`InventoryItemEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`InventoryItem`,kind:`LinkedField`,name:`node`,plural:!1,selections:[a,o,{alias:null,args:null,kind:`ScalarField`,name:`pool`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`labels`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`status`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`statusChangedAt`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`lastError`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[a,l],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null},d={alias:null,args:[{kind:`Literal`,name:`first`,value:500},{kind:`Literal`,name:`includeRetired`,value:!0},{kind:`Literal`,name:`orderBy`,value:{direction:`ASC`,field:`SKU`}}],concreteType:`ProductConnection`,kind:`LinkedField`,name:`products`,plural:!1,selections:[{alias:null,args:null,concreteType:`ProductEdge`,kind:`LinkedField`,name:`edges`,plural:!0,selections:[{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`node`,plural:!1,selections:[a,l,{alias:null,args:null,concreteType:`Stack`,kind:`LinkedField`,name:`components`,plural:!0,selections:[a],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:`products(first:500,includeRetired:true,orderBy:{"direction":"ASC","field":"SKU"})`};return{fragment:{argumentDefinitions:[e,t,n,r,i],kind:`Fragment`,metadata:null,name:`InventoryQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[a,o,s,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[c],storageKey:null}],storageKey:null},u,d],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:[n,e,r,t,i],kind:`Operation`,name:`InventoryQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[a,o,s,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[c,a],storageKey:null}],storageKey:null},u,d]},params:{cacheID:`e8f0edfac00c0b2d83db281cc4b97261`,id:null,metadata:{},name:`InventoryQuery`,operationKind:`query`,text:`query InventoryQuery(
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
`}}})();l.hash=`952cd27797cca9c5ef7adb4cb25c2d01`;var u=t(),d=n(),f=50,p=[`AVAILABLE`,`RESERVING`,`LEASED`,`REBUILDING`,`MAINTENANCE`,`ARCHIVING`,`ARCHIVED`],m=l;function h(e){let t={},n=e.get(`sku`),r=e.get(`status`),i=e.get(`pool`);n&&(t.hasProductWith=[{sku:n}]),r&&p.includes(r)&&(t.status=r),i&&(t.pool=i);let a=e.get(`before`),o=e.get(`after`);return a?{last:50,before:a,where:t}:{first:50,after:o??null,where:t}}function g(){let{search:t,navigate:n}=r(),l=h(t),f=(0,e.default)(m,l,{fetchPolicy:`store-and-network`});i(f.viewer);let g=Math.max(1,Number(t.get(`page`)??`1`)||1),[_,v]=(0,u.useState)({sku:t.get(`sku`)??``,status:t.get(`status`)??``,pool:t.get(`pool`)??``}),y=(e,t)=>{let r=new URLSearchParams;_.sku&&r.set(`sku`,_.sku),_.status&&r.set(`status`,_.status),_.pool.trim()&&r.set(`pool`,_.pool.trim());for(let[t,n]of Object.entries(e))r.set(t,n);t>1&&r.set(`page`,String(t)),n(`/admin/inventory${r.size?`?${r}`:``}`)},b=e=>{e.preventDefault(),y({},1)},x=f.inventoryItems,S=(x.edges??[]).flatMap(e=>e?.node?[e.node]:[]),C=(f.products.edges??[]).flatMap(e=>e?.node&&e.node.components.length===0?[e.node.sku]:[]),w=(g-1)*50+1;return(0,d.jsxs)(`section`,{children:[(0,d.jsxs)(`div`,{className:`page-head`,children:[(0,d.jsx)(`h1`,{children:`Inventory`}),(0,d.jsxs)(`p`,{className:`muted`,children:[x.totalCount.toLocaleString(),` items match`]}),(0,d.jsx)(o,{to:`/admin/import`,children:`Import from CSV`})]}),(0,d.jsxs)(`form`,{className:`filters`,onSubmit:b,role:`search`,"aria-label":`Filter items`,children:[(0,d.jsxs)(`label`,{children:[`SKU`,(0,d.jsxs)(`select`,{value:_.sku,onChange:e=>v({..._,sku:e.target.value}),children:[(0,d.jsx)(`option`,{value:``,children:`any`}),C.map(e=>(0,d.jsx)(`option`,{children:e},e))]})]}),(0,d.jsxs)(`label`,{children:[`Status`,(0,d.jsxs)(`select`,{value:_.status,onChange:e=>v({..._,status:e.target.value}),children:[(0,d.jsx)(`option`,{value:``,children:`any`}),p.map(e=>(0,d.jsx)(`option`,{value:e,children:e.toLowerCase()},e))]})]}),(0,d.jsxs)(`label`,{children:[`Pool`,(0,d.jsx)(`input`,{value:_.pool,onChange:e=>v({..._,pool:e.target.value}),placeholder:`e.g. rack-a`,size:12})]}),(0,d.jsx)(`button`,{type:`submit`,className:`primary`,children:`Filter`}),(t.get(`sku`)||t.get(`status`)||t.get(`pool`))&&(0,d.jsx)(`button`,{type:`button`,onClick:()=>{v({sku:``,status:``,pool:``}),n(`/admin/inventory`)},children:`Clear`})]}),S.length===0?(0,d.jsx)(c,{children:`No item matches.`}):(0,d.jsx)(`div`,{className:`table-wrap`,children:(0,d.jsxs)(`table`,{children:[(0,d.jsx)(`thead`,{children:(0,d.jsxs)(`tr`,{children:[(0,d.jsx)(`th`,{scope:`col`,children:`Name`}),(0,d.jsx)(`th`,{scope:`col`,children:`SKU`}),(0,d.jsx)(`th`,{scope:`col`,children:`Status`}),(0,d.jsx)(`th`,{scope:`col`,children:`Pool`}),(0,d.jsx)(`th`,{scope:`col`,children:`Labels`}),(0,d.jsx)(`th`,{scope:`col`,children:`Since`}),(0,d.jsx)(`th`,{scope:`col`,children:`Last error`})]})}),(0,d.jsx)(`tbody`,{children:S.map(e=>(0,d.jsxs)(`tr`,{"data-item":e.name,children:[(0,d.jsx)(`td`,{children:(0,d.jsx)(o,{to:`/admin/items/${e.id}`,className:`mono`,children:e.name})}),(0,d.jsx)(`td`,{children:(0,d.jsx)(`span`,{className:`sku`,children:e.product.sku})}),(0,d.jsx)(`td`,{children:(0,d.jsx)(s,{value:e.status})}),(0,d.jsx)(`td`,{children:e.pool??`—`}),(0,d.jsx)(`td`,{children:e.labels.join(`, `)}),(0,d.jsx)(`td`,{children:(0,d.jsx)(a,{value:e.statusChangedAt})}),(0,d.jsx)(`td`,{className:`muted`,children:e.lastError??``})]},e.id))})]})}),(0,d.jsxs)(`nav`,{className:`pager`,"aria-label":`Pages`,children:[(0,d.jsx)(`button`,{type:`button`,disabled:!x.pageInfo.hasPreviousPage||g<=1,onClick:()=>y(g-1>1?{before:x.pageInfo.startCursor??``}:{},g-1),children:`← Previous`}),(0,d.jsxs)(`span`,{children:[S.length>0?`${w.toLocaleString()}–${(w+S.length-1).toLocaleString()} of ${x.totalCount.toLocaleString()}`:``,` · page `,g,` of `,Math.max(1,Math.ceil(x.totalCount/50)).toLocaleString()]}),(0,d.jsx)(`button`,{type:`button`,disabled:!x.pageInfo.hasNextPage&&!t.get(`before`),onClick:()=>y({after:x.pageInfo.endCursor??``},g+1),children:`Next →`})]})]})}export{f as PAGE,g as default,h as inventoryVariables};