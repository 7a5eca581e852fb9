import{a as e,p as t,t as n}from"./jsx-runtime-CXqrrld7.js";import{D as r,E as i,S as a,_ as o,k as s,w as c}from"./index-D6nKLD1m.js";var l=(function(){var e=[{defaultValue:null,kind:`LocalArgument`,name:`costCenter`},{defaultValue:null,kind:`LocalArgument`,name:`month`}],t={alias:null,args:null,kind:`ScalarField`,name:`id`,storageKey:null},n={alias:null,args:null,kind:`ScalarField`,name:`name`,storageKey:null},r={alias:null,args:null,kind:`ScalarField`,name:`role`,storageKey:null},i={alias:null,args:null,kind:`ScalarField`,name:`code`,storageKey:null},a={alias:null,args:[{kind:`Variable`,name:`costCenter`,variableName:`costCenter`},{kind:`Variable`,name:`month`,variableName:`month`}],concreteType:`Bill`,kind:`LinkedField`,name:`bills`,plural:!0,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`month`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`definitive`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`total`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`currency`,storageKey:null},{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[t,i,n],storageKey:null},{alias:null,args:null,concreteType:`BillLine`,kind:`LinkedField`,name:`lines`,plural:!0,selections:[{alias:null,args:null,kind:`ScalarField`,name:`itemHours`,storageKey:null},{alias:null,args:null,kind:`ScalarField`,name:`amount`,storageKey:null},{alias:null,args:null,concreteType:`Product`,kind:`LinkedField`,name:`product`,plural:!1,selections:[t,{alias:null,args:null,kind:`ScalarField`,name:`sku`,storageKey:null},n],storageKey:null},{alias:null,args:null,concreteType:`Lease`,kind:`LinkedField`,name:`lease`,plural:!1,selections:[t,{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`owner`,plural:!1,selections:[t,n],storageKey:null}],storageKey:null}],storageKey:null}],storageKey:null};return{fragment:{argumentDefinitions:e,kind:`Fragment`,metadata:null,name:`BillsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i],storageKey:null}],storageKey:null},a],type:`Query`,abstractKey:null},kind:`Request`,operation:{argumentDefinitions:e,kind:`Operation`,name:`BillsQuery`,selections:[{alias:null,args:null,concreteType:`User`,kind:`LinkedField`,name:`viewer`,plural:!1,selections:[t,n,r,{alias:null,args:null,concreteType:`CostCenter`,kind:`LinkedField`,name:`costCenter`,plural:!1,selections:[i,t],storageKey:null}],storageKey:null},a]},params:{cacheID:`78b5ef40afd8577915719c962e38823c`,id:null,metadata:{},name:`BillsQuery`,operationKind:`query`,text:`query BillsQuery(
  $costCenter: String
  $month: String
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
  bills(costCenter: $costCenter, month: $month) {
    id
    month
    definitive
    total
    currency
    costCenter {
      id
      code
      name
    }
    lines {
      itemHours
      amount
      product {
        id
        sku
        name
      }
      lease {
        id
        owner {
          id
          name
        }
      }
    }
  }
}
`}}})();l.hash=`350deb71ee4bc30d1c88dbf027f8fad3`;var u=t(),d=n(),f=l;function p(){let{viewer:t}=r(),[n,l]=(0,u.useState)(o()),[p,m]=(0,u.useState)(null),[h,g]=(0,u.useState)(``),[_,v]=(0,u.useTransition)(),y=(0,e.default)(f,{month:n,costCenter:p},{fetchPolicy:`store-and-network`});return i(y.viewer),(0,d.jsxs)(`section`,{children:[(0,d.jsxs)(`div`,{className:`page-head`,children:[(0,d.jsx)(`h1`,{children:`Bills`}),(0,d.jsx)(`p`,{className:`muted`,children:`Per cost center and month: a live draft until the month is closed, then definitive.`})]}),(0,d.jsxs)(`form`,{className:`filters`,onSubmit:e=>{e.preventDefault();let t=h.trim().toUpperCase();v(()=>m(t||null))},children:[(0,d.jsxs)(`label`,{children:[`Month`,(0,d.jsx)(`input`,{type:`month`,value:n,onChange:e=>{let t=e.target.value;t&&v(()=>l(t))},required:!0})]}),t.role===`ADMIN`&&(0,d.jsxs)(d.Fragment,{children:[(0,d.jsxs)(`label`,{children:[`Cost center`,(0,d.jsx)(`input`,{value:h,onChange:e=>g(e.target.value),placeholder:t.costCenter??`code`,size:10})]}),(0,d.jsx)(`button`,{type:`submit`,children:`Show`})]}),_&&(0,d.jsx)(`span`,{className:`muted`,role:`status`,children:`Loading…`})]}),y.bills.length===0?(0,d.jsxs)(c,{children:[`No bill for `,n,`: nothing was leased.`]}):y.bills.map(e=>(0,d.jsxs)(`div`,{className:`panel`,"data-bill":e.month,children:[(0,d.jsxs)(`div`,{className:`page-head`,children:[(0,d.jsxs)(`h2`,{children:[e.costCenter.code,` · `,e.month,` · `,e.currency]}),(0,d.jsx)(`span`,{className:`badge ${e.definitive?`badge-active`:`badge-pending`}`,children:e.definitive?`Definitive`:`Draft`}),(0,d.jsx)(`strong`,{className:`total`,children:a(e.total,e.currency)})]}),e.lines.length===0?(0,d.jsx)(c,{children:`No lines.`}):(0,d.jsxs)(`table`,{children:[(0,d.jsx)(`thead`,{children:(0,d.jsxs)(`tr`,{children:[(0,d.jsx)(`th`,{scope:`col`,children:`Product`}),(0,d.jsx)(`th`,{scope:`col`,children:`Lease`}),(0,d.jsx)(`th`,{scope:`col`,children:`Who`}),(0,d.jsx)(`th`,{scope:`col`,className:`num`,children:`Item-hours`}),(0,d.jsx)(`th`,{scope:`col`,className:`num`,children:`Amount`})]})}),(0,d.jsx)(`tbody`,{children:e.lines.map((t,n)=>(0,d.jsxs)(`tr`,{children:[(0,d.jsxs)(`td`,{children:[(0,d.jsx)(`span`,{className:`sku`,children:t.product.sku}),` `,t.product.name]}),(0,d.jsx)(`td`,{children:t.lease?(0,d.jsx)(s,{to:`/leases/${t.lease.id}`,children:t.lease.id}):`—`}),(0,d.jsx)(`td`,{children:t.lease?.owner.name??`—`}),(0,d.jsx)(`td`,{className:`num`,children:t.itemHours.toFixed(1)}),(0,d.jsx)(`td`,{className:`num`,children:a(t.amount,e.currency)})]},n))})]})]},`${e.costCenter.code}-${e.currency}`))]})}export{p as default};